#!/usr/bin/env bash
# Runs the tests of ReferralNet against a real PostgreSQL and a real RabbitMQ: every tier, or one.
#   deploy/test.sh [unit|network|browser|faults|cluster [FILTER]]   (FILTER: dotnet test's --filter syntax, within the tier)
# unit: no server. network: the services and the gateway on the shared servers. browser: the web app in Debian's
# Chromium. faults: servers of the suite's own, killed and restarted under load; cluster: the same on a RabbitMQ
# cluster of three nodes. Which test is in which tier:
# docs/testing.md. Where a Docker engine answers, the tests start containers themselves (Testcontainers); otherwise
# this script installs (Debian packages, when missing) and starts private servers on free 127.0.0.1 ports and stops
# them afterwards. Prints each tier's time and ends with the line "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"

tier=${1:-all} only=${2:-}
case $tier in
  all | unit | network | browser | faults | cluster) ;;
  *) echo "usage: deploy/test.sh [unit|network|browser|faults|cluster [FILTER]]" >&2; exit 2 ;;
esac
needs() { [ "$tier" = all ] || [ "$tier" = "$1" ]; }

work=$(mktemp -d /tmp/referralnet-test.XXXXXX)
chmod 755 "$work" # the postgres user runs the database server from inside it
mkdir -p "$work/results" "$work/logs"
pg_port="" rabbit_port=""
stop_servers() {
  [ -n "$rabbit_port" ] && stop_rabbitmq "$work/rabbitmq" "$rabbit_port"
  [ -n "$pg_port" ] && stop_postgres "$work/postgres"
  rabbit_port="" pg_port=""
}
trap 'stop_servers; rm -rf "$work"' EXIT

# Test processes live for seconds: dynamic PGO's instrumented code costs them more CPU than it gains back.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_TieredPGO=0
cd "$root"
# The scripts stay shellcheck-clean: the test command checks them first.
command -v shellcheck >/dev/null || install_packages shellcheck
shellcheck -x deploy/*.sh deploy/lib/*.sh

# The fault tier starts, kills and restarts servers of its own with these packages, Docker or not.
{ needs network || needs browser || needs faults || needs cluster; } && ensure_packages
needs browser && ensure_browser_packages
servers=""
if needs network || needs browser; then
  if docker info >/dev/null 2>&1; then
    log "A Docker engine answers: the tests start PostgreSQL and RabbitMQ with Testcontainers."
  else
    # Started while the solution builds.
    pg_port=$(free_port 20000 32000)
    rabbit_port=$(free_port 10000 12700)
    management_port=$(free_port 20000 32000)
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    { start_postgres "$work/postgres" "$pg_port" "$password" fast && start_rabbitmq "$work/rabbitmq" "$rabbit_port" "$management_port"; } &
    servers=$!
    export RN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
    export RN_TEST_RABBITMQ_PORT=$rabbit_port RN_TEST_RABBITMQCTL="$work/rabbitmq/rabbitmqctl"
    export RN_TEST_RABBITMQ_MANAGEMENT="http://127.0.0.1:$management_port/"
  fi
fi

# The network tier lints the public contract with pinned npm packages and generates a client with a pinned .NET tool.
tools=""
if needs network; then
  command -v npm >/dev/null || { log "Missing: Node.js 20 and npm (the OpenAPI linters of the network tier run on them)."; exit 1; }
  {
    [ tests/openapi/node_modules/.package-lock.json -nt tests/openapi/package-lock.json ] \
      || npm ci --prefix tests/openapi --no-audit --no-fund --loglevel=error >/dev/null
    dotnet tool restore >/dev/null
  } &
  tools=$!
fi

dotnet build ReferralNet.sln -c Release -nologo -clp:ErrorsOnly
if [ -n "$tools" ]; then
  wait "$tools" || { log "The OpenAPI tools did not install (npm ci in tests/openapi, dotnet tool restore)."; exit 1; }
fi
if [ -n "$servers" ]; then
  wait "$servers" || { log "The test servers did not start."; exit 1; }
  log "PostgreSQL on 127.0.0.1:$pg_port, RabbitMQ on 127.0.0.1:$rabbit_port"
fi

# The test assemblies of a tier; unit tests are picked from every assembly by their trait, the rest by assembly.
assemblies() {
  local project
  for project in tests/*.Tests; do
    case $1:$project in
      unit:tests/Faults.Tests | network:tests/Web.Tests | network:tests/Faults.Tests) ;;
      browser:tests/Web.Tests | faults:tests/Faults.Tests | cluster:tests/Faults.Tests | unit:* | network:*)
        echo "$project/bin/Release/net10.0/$(basename "$project").dll" ;;
    esac
  done
}

# run_tier TIER: one test run of its assemblies, two side by side (each in a process of its own), into a result file.
run_tier() {
  local name=$1 filter="tier!=unit&tier!=cluster" started=$SECONDS outcome=0
  [ "$name" = unit ] && filter="tier=unit"
  [ "$name" = cluster ] && filter="tier=cluster"
  [ -n "$only" ] && filter="($filter)&($only)"
  # Test processes live for seconds to minutes: promoting hot methods to optimised code (call counting, then a rejit)
  # costs them more CPU than it gains back (18 % less CPU in the network tier). Not for the build: the compiler is hot.
  # shellcheck disable=SC2046 # one argument per assembly
  DOTNET_TC_CallCounting=0 dotnet test $(assemblies "$name") --filter "$filter" --logger "trx;LogFileName=$name.trx" --results-directory "$work/results" \
    -- RunConfiguration.MaxCpuCount=2 || outcome=$?
  log "Tier $name: $((SECONDS - started)) s"
  return "$outcome"
}

status=0
if [ "$tier" = all ]; then
  # The fault tier runs beside the others, on servers of its own, from the start, and the unit tier with it; their
  # output is shown when they are done. The network and browser tiers one after another: two cores are busy already.
  # The cluster tier (replicated servers) comes first, beside the network tier; the fault tier after it, beside the
  # browser tier: two networks of processes beside the others at once would be too many for two cores.
  {
    outcome=0
    run_tier cluster >"$work/logs/faults.log" 2>&1 || outcome=1
    run_tier faults >>"$work/logs/faults.log" 2>&1 || outcome=1
    exit "$outcome"
  } &
  faults=$!
  run_tier unit >"$work/logs/unit.log" 2>&1 &
  unit=$!
  run_tier network || status=1
  run_tier browser || status=1
  wait "$unit" || status=1
  cat "$work/logs/unit.log"
  wait "$faults" || status=1
  cat "$work/logs/faults.log"
else
  run_tier "$tier" || status=1
fi
stop_servers

# The counts come from the result files, one per test run: <Counters total=".." passed=".." failed=".." ...>.
read -r passed failed < <(cat "$work"/results/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' \
  | sed -E 's/.* passed="([0-9]+)".* failed="([0-9]+)".*/\1 \2/' | awk '{ passed += $1; failed += $2 } END { print passed + 0, failed + 0 }')
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
log "Total: $SECONDS s"
echo "$passed passed, $failed failed"
exit "$status"
