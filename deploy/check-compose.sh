#!/usr/bin/env bash
# Validates docker-compose.yml (syntax, interpolation, anchors) without a Docker engine.
#   deploy/check-compose.sh [COMPOSE_FILE]
# Uses whichever compose is installed: Debian's docker-compose (v1 python or v2) or `docker compose`.
# Also checks that every build's Dockerfile exists. Exits non-zero on any problem.
set -euo pipefail

usage() { echo "usage: $0 [COMPOSE_FILE]" >&2; exit 2; }
[[ $# -le 1 ]] || usage
[[ "${1:-}" != "-h" && "${1:-}" != "--help" ]] || usage

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="${1:-$ROOT/docker-compose.yml}"
[[ -f "$FILE" ]] || { echo "check-compose: ERROR: $FILE not found" >&2; exit 1; }

if command -v docker-compose >/dev/null 2>&1; then
    COMPOSE=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
else
    echo "check-compose: ERROR: neither docker-compose nor 'docker compose' is installed (apt-get install docker-compose)" >&2
    exit 1
fi

cd "$(dirname "$FILE")"
"${COMPOSE[@]}" -f "$FILE" config -q
echo "check-compose: $("${COMPOSE[@]}" version --short 2>/dev/null || echo '?') (${COMPOSE[*]}): $FILE is valid"

# Every build must point at an existing Dockerfile (compose config does not check this).
missing=0
while read -r dockerfile; do
    [[ -z "$dockerfile" ]] && continue
    if [[ ! -f "$dockerfile" ]]; then
        echo "check-compose: ERROR: Dockerfile $dockerfile (referenced in $FILE) does not exist" >&2
        missing=1
    fi
done < <(sed -n 's/^ *dockerfile: *//p' "$FILE")
(( missing == 0 )) || exit 1
echo "check-compose: all Dockerfiles referenced exist"
