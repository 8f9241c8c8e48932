#!/usr/bin/env bash
# Runs every test of ReferralNet against a real PostgreSQL and a real RabbitMQ.
# Where a Docker engine answers, the tests start containers themselves (Testcontainers); otherwise this script installs
# (Debian packages, when missing) and starts private servers on free 127.0.0.1 ports and stops them afterwards.
# Ends with the line "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"

work=$(mktemp -d /tmp/referralnet-test.XXXXXX)
chmod 755 "$work" # the postgres user runs the database server from inside it
pg_port="" rabbit_port=""
stop_servers() {
  [ -n "$rabbit_port" ] && stop_rabbitmq "$work/rabbitmq" "$rabbit_port"
  [ -n "$pg_port" ] && stop_postgres "$work/postgres"
  rabbit_port="" pg_port=""
}
trap 'stop_servers; rm -rf "$work"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The fault suite (tests/Faults.Tests) starts, kills and restarts servers of its own with these packages, Docker or not.
ensure_packages
ensure_browser_packages
if docker info >/dev/null 2>&1; then
  log "A Docker engine answers: the other tests start PostgreSQL and RabbitMQ with Testcontainers."
else
  pg_port=$(free_port 20000 32000)
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  start_postgres "$work/postgres" "$pg_port" "$password" fast
  rabbit_port=$(free_port 10000 12700)
  start_rabbitmq "$work/rabbitmq" "$rabbit_port"
  log "PostgreSQL on 127.0.0.1:$pg_port, RabbitMQ on 127.0.0.1:$rabbit_port"
  export RN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
  export RN_TEST_RABBITMQ_PORT=$rabbit_port RN_TEST_RABBITMQCTL="$work/rabbitmq/rabbitmqctl"
fi

cd "$root"
# The scripts stay shellcheck-clean: the test command checks them first.
command -v shellcheck >/dev/null || install_packages shellcheck
shellcheck -x deploy/*.sh deploy/lib/*.sh

dotnet build ReferralNet.sln -c Release -nologo -clp:ErrorsOnly
status=0
# -m:1 runs the test assemblies one after another: some restart the shared broker. Each writes a result file (trx).
dotnet test ReferralNet.sln -c Release --no-build -m:1 --logger trx --results-directory "$work/results" || status=$?
stop_servers

# The counts come from the result files, one per test assembly: <Counters total=".." passed=".." failed=".." ...>.
read -r passed failed < <(cat "$work"/results/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' \
  | sed -E 's/.* passed="([0-9]+)".* failed="([0-9]+)".*/\1 \2/' | awk '{ passed += $1; failed += $2 } END { print passed + 0, failed + 0 }')
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
