#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: unit tests and the integration tests, which start their own
# throwaway PostgreSQL, RabbitMQ and trace receiver on free 127.0.0.1 ports (or use the ones named by
# INGESTION_TEST_POSTGRES, INGESTION_TEST_RABBITMQ, INGESTION_TEST_DASHBOARD; see tests/README.md).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Cleaner".
set -euo pipefail
cd "$(dirname "$0")"

bash deploy/local/install.sh
results="artifacts/test-results"
rm -rf "$results"
dotnet build Ingestion.sln -c Release -nologo -v q
set +e
dotnet test Ingestion.sln -c Release --no-build -nologo --results-directory "$results" --logger "trx" "$@"
status=$?
set -e

# One plain line with the totals of every test assembly (read from the TRX result files).
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
