#!/usr/bin/env bash
# Runs a private PostgreSQL server as a plain background process (no systemd, no Docker).
#
#   postgres.sh start DIR PORT [--ephemeral]   initdb DIR/data if missing, start on 127.0.0.1:PORT,
#                                              create database "ingestion", print the connection string
#   postgres.sh stop DIR                       stop it (fast shutdown); fine if it is not running
#   postgres.sh status DIR                     exit 0 and print port + connection string if running, 3 if not
#
# --ephemeral (tests only): fsync=off, synchronous_commit=off, full_page_writes=off.
# As root, initdb/postgres run as the "postgres" OS user (they refuse root); otherwise as the current user.
# If the "postgres" user cannot reach DIR (a parent folder is not searchable, e.g. under /root), the data
# lives in /tmp/ingestion-postgres-<hash> instead; the script says so, and DIR/datadir-location remembers it.
# Environment: PG_BIN=/usr/lib/postgresql/NN/bin to pick the binaries (default: the newest installed);
#              PG_OPTS="-c name=value ..." more server settings for this start (e.g. -c shared_buffers=1GB).
set -euo pipefail

usage() {
    echo "usage: $0 start DIR PORT [--ephemeral] | stop DIR | status DIR" >&2
    exit 2
}

log() { echo "postgres.sh: $*"; }
die() { echo "postgres.sh: ERROR: $*" >&2; exit 1; }

find_pg_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        [[ -x "$PG_BIN/pg_ctl" ]] || die "PG_BIN=$PG_BIN has no pg_ctl"
        echo "$PG_BIN"; return
    fi
    local best=""
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
        if [[ -x "$d/pg_ctl" ]]; then best="$d"; fi
    done
    if [[ -z "$best" ]] && command -v pg_ctl >/dev/null 2>&1; then
        best="$(dirname "$(command -v pg_ctl)")"
    fi
    [[ -n "$best" ]] || die "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH); run deploy/local/install.sh"
    echo "$best"
}

IS_ROOT=0
[[ "$(id -u)" == "0" ]] && IS_ROOT=1

# Runs a command as the user that owns the cluster.
as_pg() {
    if (( IS_ROOT )); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

abs_dir() { realpath -m -- "$1"; }

# The folder that really holds data/, the log and the socket (DIR itself, or the /tmp fallback).
real_dir_of() {
    local dir="$1"
    if [[ -f "$dir/datadir-location" ]]; then
        cat "$dir/datadir-location"
    else
        echo "$dir"
    fi
}

# Port of a running cluster: line 4 of postmaster.pid.
running_port() { sed -n 4p "$1/postmaster.pid" 2>/dev/null || true; }

is_running() { # DATA
    [[ -f "$1/postmaster.pid" ]] || return 1
    as_pg "$PGBIN/pg_ctl" status -D "$1" >/dev/null 2>&1
}

conn_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=ingestion"; }

ensure_database() { # PORT
    local exists
    exists="$("$PGBIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'ingestion'")"
    if [[ "$exists" != "1" ]]; then
        "$PGBIN/createdb" -h 127.0.0.1 -p "$1" -U postgres ingestion
        log "created database ingestion"
    fi
}

cmd_start() {
    local dir="$1" port="$2" ephemeral="$3"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1 || port > 65535 )); then
        die "PORT must be a number 1-65535, got '$port'"
    fi
    dir="$(abs_dir "$dir")"
    mkdir -p "$dir"

    local real
    real="$(real_dir_of "$dir")"
    if (( IS_ROOT )) && [[ "$real" == "$dir" ]]; then
        id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user (install the postgresql package, or run as a non-root user)"
        chown postgres:postgres "$dir"
        if ! runuser -u postgres -- test -x "$dir" -a -w "$dir"; then
            real="/tmp/ingestion-postgres-$(printf '%s' "$dir" | md5sum | cut -c1-12)"
            mkdir -p "$real"
            chown postgres:postgres "$real"
            chmod 700 "$real"
            echo "$real" > "$dir/datadir-location"
            log "NOTE: the 'postgres' user cannot reach $dir (a parent folder is not searchable);"
            log "NOTE: using $real instead (remembered in $dir/datadir-location)"
        fi
    fi
    mkdir -p "$real"
    if (( IS_ROOT )); then chown postgres:postgres "$real"; fi
    local data="$real/data" logfile="$real/postgres.log"

    if is_running "$data"; then
        local p
        p="$(running_port "$data")"
        if [[ "$p" != "$port" ]]; then
            die "a server from $dir is already running, but on port $p (asked for $port); stop it first"
        fi
        log "already running from $dir on 127.0.0.1:$port (data: $data)"
        ensure_database "$port"
        conn_string "$port"
        return 0
    fi

    if port_in_use "$port"; then
        die "port 127.0.0.1:$port is already in use by another process (not the server from $dir); choose another PORT"
    fi

    if [[ ! -f "$data/PG_VERSION" ]]; then
        log "initdb into $data"
        local initdb_args=(-D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8)
        if [[ "$ephemeral" == 1 ]]; then initdb_args+=(--no-sync); fi
        if (( IS_ROOT )); then mkdir -p "$data"; chown postgres:postgres "$data"; chmod 700 "$data"; fi
        as_pg "$PGBIN/initdb" "${initdb_args[@]}" > "$real/initdb.log" 2>&1 \
            || { tail -n 20 "$real/initdb.log" >&2; die "initdb failed (log: $real/initdb.log)"; }
    fi
    if (( IS_ROOT )); then touch "$logfile"; chown postgres:postgres "$logfile"; fi

    # The unix socket lives beside the data; sockets paths are limited to 107 bytes.
    local sockdir="$real"
    if (( ${#sockdir} + 16 > 107 )); then
        sockdir="/tmp/ingestion-pgsock-$(printf '%s' "$real" | md5sum | cut -c1-12)"
        mkdir -p "$sockdir"
        if (( IS_ROOT )); then chown postgres:postgres "$sockdir"; fi
        log "NOTE: $real is too long for a unix socket path; socket in $sockdir"
    fi

    local opts="-p $port -c listen_addresses=127.0.0.1 -k '$sockdir'"
    if [[ "$ephemeral" == 1 ]]; then
        opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        log "ephemeral mode: fsync, synchronous_commit and full_page_writes are off (tests only)"
    fi
    if [[ -n "${PG_OPTS:-}" ]]; then
        opts+=" $PG_OPTS"
        log "settings from PG_OPTS: $PG_OPTS"
    fi

    local t0 t1
    t0=$(date +%s%N)
    if ! as_pg "$PGBIN/pg_ctl" -D "$data" -l "$logfile" -w -t 60 -o "$opts" start >/dev/null 2>&1; then
        tail -n 20 "$logfile" >&2 || true
        die "PostgreSQL did not start (log: $logfile)"
    fi
    for _ in $(seq 1 100); do
        "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" && break
        sleep 0.1
    done
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port" || { tail -n 20 "$logfile" >&2; die "pg_isready never answered on port $port"; }
    t1=$(date +%s%N)
    log "started PostgreSQL ($("$PGBIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port in $(( (t1 - t0) / 1000000 )) ms (data: $data, log: $logfile)"
    ensure_database "$port"
    conn_string "$port"
}

cmd_stop() {
    local dir real data
    dir="$(abs_dir "$1")"
    real="$(real_dir_of "$dir")"
    data="$real/data"
    if ! is_running "$data"; then
        log "not running (data: $data)"
        return 0
    fi
    as_pg "$PGBIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
    log "stopped (data: $data)"
}

cmd_status() {
    local dir real data
    dir="$(abs_dir "$1")"
    real="$(real_dir_of "$dir")"
    data="$real/data"
    if is_running "$data"; then
        local p
        p="$(running_port "$data")"
        log "running on 127.0.0.1:$p (data: $data)"
        conn_string "$p"
        return 0
    fi
    log "not running (data: $data)"
    return 3
}

[[ $# -ge 2 ]] || usage
PGBIN="$(find_pg_bin)"
case "$1" in
    start)
        [[ $# -ge 3 && $# -le 4 ]] || usage
        eph=0
        if [[ $# -eq 4 ]]; then
            [[ "$4" == "--ephemeral" ]] || usage
            eph=1
        fi
        cmd_start "$2" "$3" "$eph"
        ;;
    stop)   [[ $# -eq 2 ]] || usage; cmd_stop "$2" ;;
    status) [[ $# -eq 2 ]] || usage; cmd_status "$2" ;;
    *) usage ;;
esac
