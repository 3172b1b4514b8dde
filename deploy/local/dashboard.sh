#!/usr/bin/env bash
# Runs the Aspire dashboard (trace/metrics/log UI, OTLP receiver, JSON telemetry API) as a background process.
#
#   dashboard.sh start DIR UI_PORT OTLP_GRPC_PORT OTLP_HTTP_PORT   start it unsecured on 127.0.0.1, wait for the UI
#   dashboard.sh stop DIR                                          stop it; fine if it is not running
#   dashboard.sh status DIR                                        exit 0 and print the URLs if running, 3 if not
#   dashboard.sh path                                              print the dashboard binary (restoring it if needed)
#
# The binary comes from NuGet Aspire.Dashboard.Sdk.linux-x64 (restored by deploy/local/dashboard/
# Dashboard.Download.csproj; this script restores it when it is missing). Local use only: no login,
# no OTLP API key, telemetry API enabled without a key (GET /api/telemetry/...). Telemetry is kept in
# memory only: a restart starts empty.
# Environment: ASPIRE_DASHBOARD_PATH=/path/to/Aspire.Dashboard to use another binary.
set -euo pipefail

usage() {
    echo "usage: $0 start DIR UI_PORT OTLP_GRPC_PORT OTLP_HTTP_PORT | stop DIR | status DIR | path" >&2
    exit 2
}

log() { echo "dashboard.sh: $*"; }
die() { echo "dashboard.sh: ERROR: $*" >&2; exit 1; }

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOWNLOAD_PROJECT="$HERE/dashboard/Dashboard.Download.csproj"
PACKAGE_ID="aspire.dashboard.sdk.linux-x64"
# Keep in step with the PackageDownload in Dashboard.Download.csproj.
PACKAGE_VERSION="$(sed -n 's/.*Aspire.Dashboard.Sdk.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$DOWNLOAD_PROJECT")"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
abs_dir() { realpath -m -- "$1"; }
is_port() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )); }
pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

nuget_root() {
    if [[ -n "${NUGET_PACKAGES:-}" ]]; then echo "$NUGET_PACKAGES"; return; fi
    echo "$HOME/.nuget/packages"
}

find_binary() {
    if [[ -n "${ASPIRE_DASHBOARD_PATH:-}" ]]; then
        [[ -x "$ASPIRE_DASHBOARD_PATH" ]] || die "ASPIRE_DASHBOARD_PATH=$ASPIRE_DASHBOARD_PATH is not an executable"
        echo "$ASPIRE_DASHBOARD_PATH"; return
    fi
    [[ "$(uname -m)" == "x86_64" ]] || die "the dashboard package used here is linux-x64 only (this machine is $(uname -m)); set ASPIRE_DASHBOARD_PATH"
    local bin
    bin="$(nuget_root)/$PACKAGE_ID/$PACKAGE_VERSION/tools/Aspire.Dashboard"
    if [[ ! -x "$bin" ]]; then
        command -v dotnet >/dev/null 2>&1 || die "dotnet not found; it is needed to restore $DOWNLOAD_PROJECT"
        echo "dashboard.sh: restoring $DOWNLOAD_PROJECT (one-off download of the dashboard)" >&2
        dotnet restore "$DOWNLOAD_PROJECT" --verbosity quiet >&2 || die "dotnet restore $DOWNLOAD_PROJECT failed"
        # NuGet may put the packages elsewhere (NuGet.Config globalPackagesFolder).
        if [[ ! -x "$bin" ]]; then
            local root
            root="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
            bin="${root%/}/$PACKAGE_ID/$PACKAGE_VERSION/tools/Aspire.Dashboard"
        fi
    fi
    [[ -x "$bin" ]] || die "dashboard binary not found at $bin after restore"
    echo "$bin"
}

load_state() {
    UI_PORT="" GRPC_PORT="" HTTP_PORT=""
    [[ -f "$1/dashboard.env" ]] || return 1
    # shellcheck disable=SC1091
    source "$1/dashboard.env"
}

running_pid() {
    local p
    p="$(cat "$1/dashboard.pid" 2>/dev/null || true)"
    # The pid must still be the dashboard (pids get reused).
    if pid_alive "$p" && grep -q 'Aspire.Dashboard' "/proc/$p/cmdline" 2>/dev/null; then
        echo "$p"; return 0
    fi
    return 1
}

ui_ready() { curl -s -o /dev/null -m 2 "http://127.0.0.1:$1/" ; }

print_info() {
    echo "UI: http://127.0.0.1:$UI_PORT/  OTLP gRPC: http://127.0.0.1:$GRPC_PORT  OTLP HTTP: http://127.0.0.1:$HTTP_PORT  API: http://127.0.0.1:$UI_PORT/api/telemetry/traces"
    echo "for services: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$GRPC_PORT (grpc) or OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$HTTP_PORT OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"
}

cmd_start() {
    local dir="$1" ui="$2" grpc="$3" http="$4"
    local p
    for p in "$ui" "$grpc" "$http"; do is_port "$p" || die "ports must be numbers 1-65535, got '$p'"; done
    [[ "$ui" != "$grpc" && "$ui" != "$http" && "$grpc" != "$http" ]] || die "UI_PORT, OTLP_GRPC_PORT and OTLP_HTTP_PORT must differ"
    dir="$(abs_dir "$dir")"
    mkdir -p "$dir"

    if load_state "$dir" && running_pid "$dir" >/dev/null; then
        if [[ "$UI_PORT" != "$ui" || "$GRPC_PORT" != "$grpc" || "$HTTP_PORT" != "$http" ]]; then
            die "a dashboard from $dir is already running on $UI_PORT/$GRPC_PORT/$HTTP_PORT (asked for $ui/$grpc/$http); stop it first"
        fi
        log "already running from $dir (pid $(running_pid "$dir"))"
        print_info
        return 0
    fi
    for p in "$ui" "$grpc" "$http"; do
        if port_in_use "$p"; then die "port 127.0.0.1:$p is already in use by another process; choose other ports"; fi
    done

    local bin
    bin="$(find_binary)"
    UI_PORT="$ui" GRPC_PORT="$grpc" HTTP_PORT="$http"
    cat > "$dir/dashboard.env" <<EOF
UI_PORT='$ui'
GRPC_PORT='$grpc'
HTTP_PORT='$http'
EOF
    local t0
    t0=$(date +%s%N)
    # Setting names: Dashboard:Frontend:AuthMode, Dashboard:Otlp:AuthMode, Dashboard:Api:{Enabled,AuthMode}
    # (ASPIRE_DASHBOARD_* are the documented shorthands for the URLs and the API switch).
    cd "$dir"
    env ASPNETCORE_URLS="http://127.0.0.1:$ui" \
        ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$grpc" \
        ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$http" \
        ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
        ASPIRE_DASHBOARD_API_ENABLED=true \
        Dashboard__Frontend__AuthMode=Unsecured \
        Dashboard__Otlp__AuthMode=Unsecured \
        Dashboard__Api__AuthMode=Unsecured \
        Dashboard__Otlp__SuppressUnsecuredTelemetryMessage=true \
        DOTNET_CLI_TELEMETRY_OPTOUT=1 \
        setsid "$bin" > "$dir/dashboard.log" 2>&1 < /dev/null &
    echo $! > "$dir/dashboard.pid"
    local pid
    pid="$(cat "$dir/dashboard.pid")"

    local deadline=$(( $(date +%s) + 30 ))
    until ui_ready "$ui" && port_in_use "$grpc" && port_in_use "$http"; do
        if ! pid_alive "$pid"; then
            tail -n 30 "$dir/dashboard.log" >&2 || true
            die "the dashboard exited during start-up (log: $dir/dashboard.log)"
        fi
        if (( $(date +%s) >= deadline )); then
            tail -n 30 "$dir/dashboard.log" >&2 || true
            die "the dashboard did not answer on http://127.0.0.1:$ui/ within 30 s (log: $dir/dashboard.log); pid $pid left running"
        fi
        sleep 0.2
    done
    log "ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms (pid $pid, log $dir/dashboard.log)"
    print_info
}

cmd_stop() {
    local dir pid
    dir="$(abs_dir "$1")"
    if ! pid="$(running_pid "$dir")"; then
        log "not running ($dir)"
        rm -f "$dir/dashboard.pid"
        return 0
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 50); do
        pid_alive "$pid" || break
        sleep 0.2
    done
    if pid_alive "$pid"; then
        log "still alive after 10 s; sending KILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/dashboard.pid"
    log "stopped (pid $pid)"
}

cmd_status() {
    local dir
    dir="$(abs_dir "$1")"
    if load_state "$dir" && running_pid "$dir" >/dev/null; then
        log "running (pid $(running_pid "$dir"))"
        print_info
        return 0
    fi
    log "not running ($dir)"
    return 3
}

[[ $# -ge 1 ]] || usage
case "$1" in
    start)  [[ $# -eq 5 ]] || usage; cmd_start "$2" "$3" "$4" "$5" ;;
    stop)   [[ $# -eq 2 ]] || usage; cmd_stop "$2" ;;
    status) [[ $# -eq 2 ]] || usage; cmd_status "$2" ;;
    path)   [[ $# -eq 1 ]] || usage; find_binary ;;
    *) usage ;;
esac
