#!/usr/bin/env bash
# Runs the whole pipeline on this machine: PostgreSQL, RabbitMQ and the Aspire dashboard as local processes (data in
# .local/), the four services as separate processes, ingesting seeds/ (and any feed in the fetcher's configuration).
#
#   ./run.sh          ingest and keep ingesting until Ctrl-C, which stops everything this script started
#   ./run.sh --once   exit when everything in seeds/ is indexed, with a summary; non-zero if anything failed
#
# Ports (override by environment): INGESTION_PG_PORT=25432 INGESTION_AMQP_PORT=25672 INGESTION_AMQP_MGMT_PORT=25673
# INGESTION_DASHBOARD_PORT=18888 (OTLP 18889 gRPC, 18890 HTTP), services 5101-5104 (fetcher, cleaner, enricher, indexer).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

ONCE=false
for arg in "$@"; do
    case "$arg" in
        --once) ONCE=true ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

PG_PORT=${INGESTION_PG_PORT:-25432}
AMQP_PORT=${INGESTION_AMQP_PORT:-25672}
MGMT_PORT=${INGESTION_AMQP_MGMT_PORT:-25673}
DASH_PORT=${INGESTION_DASHBOARD_PORT:-18888}
OTLP_GRPC=${INGESTION_OTLP_GRPC_PORT:-18889}
OTLP_HTTP=${INGESTION_OTLP_HTTP_PORT:-18890}
SEEDS=${INGESTION_SEEDS:-$ROOT/seeds}
ONCE_TIMEOUT=${INGESTION_ONCE_TIMEOUT:-600}
DATA="$ROOT/.local"
LOGS="$DATA/logs"
PIDS="$DATA/pids"
mkdir -p "$LOGS" "$PIDS"
declare -A PORT=([fetcher]=5101 [cleaner]=5102 [enricher]=5103 [indexer]=5104)
SERVICES=(indexer enricher cleaner fetcher)   # consumers first, so their queues exist before the fetcher publishes

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

STARTED_INFRA=()
cleanup() {
    trap - INT TERM EXIT
    echo
    say "Stopping"
    for s in fetcher cleaner enricher indexer; do stop_service "$s"; done
    for ((i=${#STARTED_INFRA[@]}-1; i>=0; i--)); do
        bash "deploy/local/${STARTED_INFRA[i]}.sh" stop "$DATA/${STARTED_INFRA[i]}" >/dev/null 2>&1 || true
    done
}

stop_service() {
    local pidfile="$PIDS/$1.pid"
    [ -f "$pidfile" ] || return 0
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

start_infra() { # name args...
    local name=$1; shift
    if bash "deploy/local/$name.sh" status "$DATA/$name" >/dev/null 2>&1; then
        echo "$name: already running from $DATA/$name"
    else
        bash "deploy/local/$name.sh" start "$DATA/$name" "$@"
        STARTED_INFRA+=("$name")
    fi
}

say "Installing what is missing"
bash deploy/local/install.sh

trap cleanup INT TERM EXIT
# Services left over from an earlier run that was not stopped cleanly.
for s in "${SERVICES[@]}"; do stop_service "$s"; done

say "Starting PostgreSQL, RabbitMQ and the dashboard (data in .local/)"
start_infra postgres "$PG_PORT"
start_infra rabbitmq "$AMQP_PORT" "$MGMT_PORT"
start_infra dashboard "$DASH_PORT" "$OTLP_GRPC" "$OTLP_HTTP"

say "Building"
dotnet build Ingestion.sln -c Release -nologo -v q

export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=ingestion"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$AMQP_PORT
export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$OTLP_GRPC"
export Fetcher__Folders__0="$SEEDS" Fetcher__CycleSeconds=${INGESTION_CYCLE_SECONDS:-5}
export DOTNET_ENVIRONMENT=${DOTNET_ENVIRONMENT:-Production}

say "Starting the services (logs in .local/logs/)"
for s in "${SERVICES[@]}"; do
    cap="${s^}"
    dir="services/$cap/Ingestion.$cap/bin/Release/net10.0"
    # Each service in its own session: Ctrl-C reaches this script, which stops them in order.
    ( cd "$dir" && OTEL_SERVICE_NAME=$s Urls="http://127.0.0.1:${PORT[$s]}" exec setsid dotnet "Ingestion.$cap.dll" ) >"$LOGS/$s.log" 2>&1 &
    echo $! >"$PIDS/$s.pid"
done
for s in "${SERVICES[@]}"; do
    for i in $(seq 1 120); do
        if curl -fsS "http://127.0.0.1:${PORT[$s]}/health/ready" >/dev/null 2>&1; then break; fi
        if ! kill -0 "$(cat "$PIDS/$s.pid")" 2>/dev/null; then echo "$s died while starting:"; tail -30 "$LOGS/$s.log"; exit 1; fi
        [ "$i" = 120 ] && { echo "$s not ready after 60 s:"; tail -30 "$LOGS/$s.log"; exit 1; }
        sleep 0.5
    done
    echo "$s ready on http://127.0.0.1:${PORT[$s]}"
done

cat <<TXT

  Search:  curl 'http://127.0.0.1:${PORT[indexer]}/search?q=polar+route'
  Traces:  http://127.0.0.1:$DASH_PORT  (Aspire dashboard)
  Broker:  http://127.0.0.1:$MGMT_PORT  (RabbitMQ management, guest/guest)
  Logs:    .local/logs/

TXT

psql_q() { psql "host=127.0.0.1 port=$PG_PORT user=postgres dbname=ingestion" -tAq -F ' ' -c "$1" 2>/dev/null || true; }
progress() {
    psql_q "select
        (select count(*) from fetcher.pages),
        (select count(*) from cleaner.stage_results where output is not null),
        (select count(*) from enricher.stage_results where output is not null),
        (select count(*) from indexer.revisions where event is not null),
        (select count(*) from indexer.rejections)"
}
error_messages() {
    curl -fsS -u guest:guest "http://127.0.0.1:$MGMT_PORT/api/queues" 2>/dev/null \
        | grep -o '"messages":[0-9]*,[^}]*"name":"[^"]*_error"' | sed 's/"messages":\([0-9]*\).*"name":"\([^"]*\)"/\2 \1/' || true
}
seed_count() { find "$SEEDS" -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' \) ! -name '.*' | wc -l; }

say "Ingesting $(seed_count) documents from $SEEDS"
started=$(date +%s)
last=""
while true; do
    read -r fetched cleaned enriched indexed rejected <<<"$(progress)"
    line="fetched ${fetched:-0}  cleaned ${cleaned:-0}  enriched ${enriched:-0}  indexed ${indexed:-0}  rejected ${rejected:-0}"
    [ "$line" != "$last" ] && { echo "$(date +%H:%M:%S)  $line"; last=$line; }
    if $ONCE; then
        total=$(seed_count)
        if [ "${fetched:-0}" -ge "$total" ] && [ $(( ${indexed:-0} + ${rejected:-0} )) -ge "${fetched:-0}" ]; then
            errors=$(error_messages | awk '$2 > 0')
            echo
            say "Done in $(( $(date +%s) - started )) s: $total documents, ${indexed:-0} indexed, ${rejected:-0} rejected"
            curl -fsS "http://127.0.0.1:${PORT[indexer]}/search?limit=5" | head -c 2000; echo
            if [ "${rejected:-0}" -gt 0 ] || [ -n "$errors" ]; then
                echo "Rejections: curl http://127.0.0.1:${PORT[indexer]}/rejections"
                [ -n "$errors" ] && echo "Messages in error queues: $errors"
                exit 1
            fi
            exit 0
        fi
        if [ $(( $(date +%s) - started )) -gt "$ONCE_TIMEOUT" ]; then
            echo "Not everything was indexed within $ONCE_TIMEOUT s; see .local/logs/" >&2
            exit 1
        fi
    fi
    for s in "${SERVICES[@]}"; do
        if ! kill -0 "$(cat "$PIDS/$s.pid" 2>/dev/null)" 2>/dev/null; then
            echo "$s stopped unexpectedly; last lines of its log:"; tail -20 "$LOGS/$s.log"; exit 1
        fi
    done
    sleep 2
done
