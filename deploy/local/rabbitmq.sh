#!/usr/bin/env bash
# Runs a private RabbitMQ node (with the management plugin) as a plain background process.
#
#   rabbitmq.sh start DIR AMQP_PORT MGMT_PORT [NODENAME]   start it and wait until AMQP and the HTTP API answer
#   rabbitmq.sh stop DIR                                   rabbitmqctl stop (falls back to kill); fine if not running
#   rabbitmq.sh status DIR                                 exit 0 and print the ports if running, 3 if not
#   rabbitmq.sh ctl DIR ARGS...                            rabbitmqctl -n NODE ARGS... with the node's environment
#                                                          (e.g. join_cluster other@localhost, after stop_app)
#
# Everything lives under DIR: home/ (HOME, with the Erlang cookie the CLI tools need), mnesia/, log/,
# rabbitmq.conf, enabled_plugins, rabbitmq.pid, node.env (what stop/status read back).
# NODENAME defaults to ingestion-<AMQP_PORT>@localhost. Nodes that are to form a cluster need the same Erlang cookie:
# write DIR/home/.erlang.cookie (mode 400) before the first start. The Erlang distribution port is AMQP_PORT+20000,
# or a free port when that one is taken. Binds 127.0.0.1 only; user guest/guest (allowed from localhost).
# It does not touch a system-wide rabbitmq node; epmd (port 4369) is shared with any other node and is
# left running on stop.
# Environment: RABBITMQ_HOME_DIR=/usr/lib/rabbitmq (where bin/rabbitmq-server is), RABBITMQ_START_TIMEOUT=60.
set -euo pipefail

usage() {
    echo "usage: $0 start DIR AMQP_PORT MGMT_PORT [NODENAME] | stop DIR | status DIR | ctl DIR ARGS..." >&2
    exit 2
}

log() { echo "rabbitmq.sh: $*"; }
die() { echo "rabbitmq.sh: ERROR: $*" >&2; exit 1; }

SELF="$(realpath -- "$0")"
RMQ_HOME="${RABBITMQ_HOME_DIR:-/usr/lib/rabbitmq}"
RMQ_BIN="$RMQ_HOME/bin"
TIMEOUT="${RABBITMQ_START_TIMEOUT:-60}"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
abs_dir() { realpath -m -- "$1"; }
is_port() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )); }
pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# Loads DIR/node.env (written by start): NODE, AMQP_PORT, MGMT_PORT, DIST_PORT.
load_state() {
    local dir="$1"
    NODE="" AMQP_PORT="" MGMT_PORT="" DIST_PORT=""
    [[ -f "$dir/node.env" ]] || return 1
    # shellcheck disable=SC1091
    source "$dir/node.env"
}

# The pid of the Erlang VM (written by the node itself), else the launcher's pid.
node_pid() {
    local dir="$1" p
    for f in "$dir/rabbitmq.pid" "$dir/launcher.pid"; do
        p="$(cat "$f" 2>/dev/null || true)"
        if pid_alive "$p"; then echo "$p"; return 0; fi
    done
    return 1
}

# Environment every rabbitmq-server / rabbitmqctl / rabbitmq-diagnostics call from this script gets.
rmq_env() {
    local dir="$1"
    env HOME="$dir/home" \
        RABBITMQ_NODENAME="$NODE" \
        RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
        RABBITMQ_NODE_PORT="$AMQP_PORT" \
        RABBITMQ_DIST_PORT="$DIST_PORT" \
        RABBITMQ_MNESIA_BASE="$dir/mnesia" \
        RABBITMQ_LOG_BASE="$dir/log" \
        RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
        ERL_EPMD_ADDRESS=127.0.0.1 \
        ERL_CRASH_DUMP="$dir/erl_crash.dump" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        "${@:2}"
}

ready() { # DIR
    port_in_use "$AMQP_PORT" || return 1
    curl -fsS -m 2 -u guest:guest "http://127.0.0.1:$MGMT_PORT/api/overview" >/dev/null 2>&1
}

log_tail() {
    local dir="$1"
    echo "---- last lines of $dir/stdout.log ----" >&2
    tail -n 25 "$dir/stdout.log" >&2 2>/dev/null || true
    local f
    f="$(ls -t "$dir"/log/*.log 2>/dev/null | head -n 1 || true)"
    if [[ -n "$f" ]]; then
        echo "---- last lines of $f ----" >&2
        tail -n 25 "$f" >&2
    fi
}

print_info() {
    echo "AMQP: amqp://guest:guest@127.0.0.1:$AMQP_PORT/  management: http://127.0.0.1:$MGMT_PORT/ (guest/guest)  node: $NODE"
}

cmd_start() {
    local dir="$1" amqp="$2" mgmt="$3" node="${4:-}"
    is_port "$amqp" || die "AMQP_PORT must be a number 1-65535, got '$amqp'"
    is_port "$mgmt" || die "MGMT_PORT must be a number 1-65535, got '$mgmt'"
    [[ -x "$RMQ_BIN/rabbitmq-server" ]] || die "$RMQ_BIN/rabbitmq-server not found; apt-get install rabbitmq-server (or run deploy/local/install.sh)"
    dir="$(abs_dir "$dir")"
    mkdir -p "$dir"
    [[ -n "$node" ]] || node="ingestion-$amqp@localhost"
    [[ "$node" == *@* ]] || node="$node@localhost"

    if load_state "$dir" && node_pid "$dir" >/dev/null; then
        if [[ "$AMQP_PORT" != "$amqp" || "$MGMT_PORT" != "$mgmt" || "$NODE" != "$node" ]]; then
            die "a node from $dir is already running as $NODE on AMQP $AMQP_PORT / management $MGMT_PORT (asked for $node on $amqp / $mgmt); stop it first"
        fi
        if ready "$dir"; then
            log "already running from $dir (pid $(node_pid "$dir"))"
            print_info
            return 0
        fi
        log "a node from $dir is running but not ready yet; waiting"
    else
        if port_in_use "$amqp"; then
            die "port 127.0.0.1:$amqp (AMQP) is already in use by another process; choose another AMQP_PORT"
        fi
        if port_in_use "$mgmt"; then
            die "port 127.0.0.1:$mgmt (management) is already in use by another process; choose another MGMT_PORT"
        fi

        local dist=$(( amqp + 20000 ))
        if (( dist > 65535 )) || port_in_use "$dist"; then
            local p
            dist=""
            for p in $(seq 40000 40999); do
                if ! port_in_use "$p"; then dist="$p"; break; fi
            done
            [[ -n "$dist" ]] || die "port $(( amqp + 20000 )) for Erlang distribution is taken and no free port in 40000-40999 was found"
            log "Erlang distribution port $(( amqp + 20000 )) unavailable; using $dist"
        fi
        # A node name registered in epmd by someone else (e.g. another DIR) cannot be used twice.
        local short="${node%@*}"
        if command -v epmd >/dev/null 2>&1 && ERL_EPMD_ADDRESS=127.0.0.1 epmd -names 2>/dev/null | grep -q "^name $short at port"; then
            die "an Erlang node named $short is already registered in epmd (another rabbitmq.sh DIR?); pick another NODENAME or stop it"
        fi

        NODE="$node" AMQP_PORT="$amqp" MGMT_PORT="$mgmt" DIST_PORT="$dist"
        mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
        chmod 700 "$dir/home"
        : > "$dir/rabbitmq-env.conf"
        echo "[rabbitmq_management,rabbitmq_shovel,rabbitmq_shovel_management]." > "$dir/enabled_plugins"
        echo "[]." > "$dir/advanced.config"
        cat > "$dir/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$amqp
management.tcp.ip = 127.0.0.1
management.tcp.port = $mgmt
EOF
        cat > "$dir/node.env" <<EOF
NODE='$node'
AMQP_PORT='$amqp'
MGMT_PORT='$mgmt'
DIST_PORT='$dist'
EOF
        rm -f "$dir/rabbitmq.pid"
        START_NS=$(date +%s%N)
        # setsid: the node outlives this script and the shell that ran it. cwd DIR: nothing lands elsewhere.
        cd "$dir"
        rmq_env "$dir" setsid "$RMQ_BIN/rabbitmq-server" > "$dir/stdout.log" 2>&1 < /dev/null &
        echo $! > "$dir/launcher.pid"
        log "starting $node (AMQP 127.0.0.1:$amqp, management 127.0.0.1:$mgmt, dist $dist) from $dir"
    fi

    local deadline=$(( $(date +%s) + TIMEOUT ))
    until ready "$dir"; do
        if ! pid_alive "$(cat "$dir/launcher.pid" 2>/dev/null)" && ! node_pid "$dir" >/dev/null; then
            log_tail "$dir"
            die "the RabbitMQ node exited during start-up (logs: $dir/stdout.log, $dir/log/)"
        fi
        if (( $(date +%s) >= deadline )); then
            log_tail "$dir"
            die "RabbitMQ not ready after ${TIMEOUT}s (logs: $dir/stdout.log, $dir/log/); it is left running: '$SELF stop $dir' to stop it"
        fi
        sleep 0.5
    done
    if [[ -n "${START_NS:-}" ]]; then
        log "ready in $(( ($(date +%s%N) - START_NS) / 1000000 )) ms (pid $(node_pid "$dir"))"
    else
        log "ready (pid $(node_pid "$dir"))"
    fi
    print_info
}

cmd_stop() {
    local dir
    dir="$(abs_dir "$1")"
    if ! load_state "$dir"; then
        log "not running (no $dir/node.env)"
        return 0
    fi
    local launcher
    if ! node_pid "$dir" >/dev/null; then
        log "not running ($NODE)"
        return 0
    fi
    launcher="$(cat "$dir/launcher.pid" 2>/dev/null || true)"
    local beam
    beam="$(cat "$dir/rabbitmq.pid" 2>/dev/null || true)"
    if ! rmq_env "$dir" "$RMQ_BIN/rabbitmqctl" -q -n "$NODE" stop >/dev/null 2>&1; then
        log "rabbitmqctl stop failed; sending TERM"
        if pid_alive "$launcher"; then kill -TERM "$launcher" 2>/dev/null || true; fi
        if pid_alive "$beam"; then kill -TERM "$beam" 2>/dev/null || true; fi
    fi
    for _ in $(seq 1 60); do
        pid_alive "$beam" || pid_alive "$launcher" || break
        sleep 0.5
    done
    if pid_alive "$beam" || pid_alive "$launcher"; then
        log "still alive after 30 s; sending KILL"
        if pid_alive "$beam"; then kill -KILL "$beam" 2>/dev/null || true; fi
        if pid_alive "$launcher"; then kill -KILL "$launcher" 2>/dev/null || true; fi
    fi
    rm -f "$dir/rabbitmq.pid" "$dir/launcher.pid"
    log "stopped $NODE"
}

cmd_status() {
    local dir
    dir="$(abs_dir "$1")"
    if load_state "$dir" && node_pid "$dir" >/dev/null; then
        if ready "$dir"; then
            log "running (pid $(node_pid "$dir"))"
        else
            log "process running (pid $(node_pid "$dir")) but not answering on AMQP $AMQP_PORT / management $MGMT_PORT yet"
        fi
        print_info
        return 0
    fi
    log "not running ($dir)"
    return 3
}

cmd_ctl() {
    local dir
    dir="$(abs_dir "$1")"
    load_state "$dir" || die "no node in $dir (no $dir/node.env)"
    rmq_env "$dir" "$RMQ_BIN/rabbitmqctl" -q -n "$NODE" "${@:2}"
}

[[ $# -ge 2 ]] || usage
case "$1" in
    start)  [[ $# -ge 4 && $# -le 5 ]] || usage; cmd_start "$2" "$3" "$4" "${5:-}" ;;
    stop)   [[ $# -eq 2 ]] || usage; cmd_stop "$2" ;;
    status) [[ $# -eq 2 ]] || usage; cmd_status "$2" ;;
    ctl)    [[ $# -ge 3 ]] || usage; cmd_ctl "${@:2}" ;;
    *) usage ;;
esac
