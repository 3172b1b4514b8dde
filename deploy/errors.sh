#!/usr/bin/env bash
# Error queues: list them, look at their messages, and move them back to their queue once the cause is fixed.
#
#   deploy/errors.sh list                  every *_error queue with its message count
#   deploy/errors.sh show QUEUE [N]        the first N (default 5) messages of QUEUE with their fault headers (left in place)
#   deploy/errors.sh replay QUEUE          move every message of QUEUE (e.g. cleaner_error) back to its queue (cleaner)
#
# Uses the RabbitMQ management API: RABBITMQ_API (default http://127.0.0.1:25673, as run.sh starts it),
# RABBITMQ_USER / RABBITMQ_PASSWORD (guest/guest), RABBITMQ_VHOST (/). Replay uses a dynamic shovel (plugin
# rabbitmq_shovel, enabled by deploy/local/rabbitmq.sh) that deletes itself when the queue is moved.
# Needs curl and python3.
set -euo pipefail

API=${RABBITMQ_API:-http://127.0.0.1:25673}
AUTH="${RABBITMQ_USER:-guest}:${RABBITMQ_PASSWORD:-guest}"
VHOST=${RABBITMQ_VHOST:-/}
usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
command -v python3 >/dev/null || { echo "errors.sh: python3 is needed (apt-get install python3)" >&2; exit 1; }
vh=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$VHOST")
api() { curl -fsS -u "$AUTH" -H 'content-type: application/json' "$@"; }

case "${1:-}" in
    list)
        api "$API/api/queues/$vh?columns=name,messages" | python3 -c '
import json,sys
rows=[q for q in json.load(sys.stdin) if q["name"].endswith("_error")]
print("\n".join("%-40s %s" % (q["name"], q.get("messages", 0)) for q in rows) or "no error queues")'
        ;;
    show)
        [ $# -ge 2 ] || usage
        api -X POST "$API/api/queues/$vh/$2/get" -d "{\"count\": ${3:-5}, \"ackmode\": \"ack_requeue_true\", \"encoding\": \"auto\"}" | python3 -c '
import json,sys
for i,m in enumerate(json.load(sys.stdin)):
    h=m["properties"].get("headers",{})
    print(f"--- message {i+1}")
    for k in ("MT-Fault-ExceptionType","MT-Fault-Message","MT-Reason","MT-Fault-Timestamp","MT-Host-MachineName"):
        if k in h: print(f"{k}: {h[k]}")
    print(m["payload"][:2000])'
        ;;
    replay)
        [ $# -eq 2 ] || usage
        src=$2; dest=${src%_error}
        [ "$src" != "$dest" ] || { echo "errors.sh: $src is not an error queue (*_error)" >&2; exit 1; }
        uri="amqp:///$vh"; [ "$VHOST" = "/" ] && uri="amqp://"
        api -X PUT "$API/api/parameters/shovel/$vh/replay-$src" -d "{\"value\": {
            \"src-protocol\": \"amqp091\", \"src-uri\": \"$uri\", \"src-queue\": \"$src\", \"src-delete-after\": \"queue-length\",
            \"dest-protocol\": \"amqp091\", \"dest-uri\": \"$uri\", \"dest-queue\": \"$dest\"}}" >/dev/null
        echo "moving the messages of $src back to $dest (the shovel removes itself when done)"
        ;;
    *) usage ;;
esac
