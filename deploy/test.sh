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
if docker info >/dev/null 2>&1; then
  log "A Docker engine answers: the tests start PostgreSQL and RabbitMQ with Testcontainers."
else
  ensure_packages
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
dotnet build ReferralNet.sln -c Release -nologo -clp:ErrorsOnly
status=0
# -m:1 runs the test assemblies one after another: some restart the shared broker.
dotnet test ReferralNet.sln -c Release --no-build -m:1 2>&1 | tee "$work/test.log" || status=$? # pipefail: dotnet test's status
stop_servers

# Each assembly prints "Passed!  - Failed: N, Passed: N, ..." (or "Failed!  - ..."); add them up.
read -r passed failed < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$work/test.log" \
  | awk '{ failed += $2; passed += $4 } END { print passed + 0, failed + 0 }')
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit "$status"
