#!/usr/bin/env bash
# Starts the whole ReferralNet network on this machine: PostgreSQL and RabbitMQ (installed from the OS packages when
# missing) from a private data folder on 127.0.0.1, migrations, the six services, the gateway and the demo network.
# Prints where to open it. Ctrl-C stops everything it started; running it again reuses the data in .data/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"
source "$root/deploy/lib/network.sh"

data=${REFERRALNET_DATA:-$root/.data}
pg_port=${REFERRALNET_PG_PORT:-15432}
rabbit_port=${REFERRALNET_RABBIT_PORT:-5682}
gateway_port=${REFERRALNET_GATEWAY_PORT:-8080}
web_port=${REFERRALNET_WEB_PORT:-5100}
declare -A service_ports=([intake]=5101 [matching]=5102 [consent]=5103 [handoff]=5104 [insights]=5105 [support]=5106)
# REFERRALNET_SERVICES starts only some services (for example "intake" for deploy/load.sh intake); the demo data then
# is not loaded, since it goes through matching.
read -r -a services <<< "${REFERRALNET_SERVICES:-intake matching consent handoff insights support}"
# REFERRALNET_INSTANCES runs more than one instance of a service as competing consumers behind the gateway: "2" for
# every service, or per service ("matching=2 handoff=2"). Instance i of a service listens on its port + 100 (i - 1).
declare -A instances=()
for name in "${services[@]}"; do instances[$name]=1; done
for setting in ${REFERRALNET_INSTANCES:-}; do
  if [[ $setting =~ ^[1-9]$ ]]; then
    for name in "${services[@]}"; do instances[$name]=$setting; done
  elif [[ $setting =~ ^([a-z]+)=([1-9])$ ]] && [ -n "${instances[${BASH_REMATCH[1]}]:-}" ]; then
    instances[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
  else
    echo "REFERRALNET_INSTANCES: '$setting' is neither a count (1-9) nor SERVICE=COUNT for a service that runs" >&2
    exit 2
  fi
done
port_of() { # NAME INSTANCE
  echo $((service_ports[$1] + 100 * ($2 - 1)))
}

# One network per data folder: a second run would fail to bind its ports and, stopping what it started, stop this
# folder's PostgreSQL and RabbitMQ under the running network. The lock is held by this script and every process it
# starts (they inherit it), so it is free again only when none of them is left.
mkdir -p "$data"
exec {run_lock}>>"$data/run.lock" # appends nothing: the holder writes its process id below
if ! flock -n "$run_lock"; then
  runner=$(cat "$data/run.lock")
  if kill -0 "$runner" 2>/dev/null; then
    echo "A ReferralNet network already runs from $data: deploy/run.sh, process $runner. Nothing was started or stopped." >&2
  else
    echo "Processes that deploy/run.sh (process $runner, gone) started from $data still run and hold $data/run.lock (fuser -v $data/run.lock lists them). Nothing was started or stopped." >&2
  fi
  echo "Stop that network with Ctrl-C where it was started; for a second network, give it a data folder and ports of its own: REFERRALNET_DATA, REFERRALNET_PG_PORT, REFERRALNET_RABBIT_PORT, REFERRALNET_GATEWAY_PORT, REFERRALNET_WEB_PORT." >&2
  exit 1
fi
echo $$ >"$data/run.lock"
mkdir -p "$data/logs"
network_secrets "$data"
web_keys=$data/web-keys

pids=()
stopping=""
stop_all() {
  [ -n "$stopping" ] && return
  stopping=1
  log "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_rabbitmq "$data/rabbitmq" "$rabbit_port"
  stop_postgres "$data/postgres"
  log "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT TERM

ensure_packages
log "Starting PostgreSQL on 127.0.0.1:$pg_port and RabbitMQ on 127.0.0.1:$rabbit_port (data in $data)"
start_postgres "$data/postgres" "$pg_port" "$pg_password"
start_rabbitmq "$data/rabbitmq" "$rabbit_port"

log "Building..."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Not the build servers, which outlive the build by minutes: they would hold the lock after the network stopped.
dotnet build "$root/ReferralNet.sln" -c Release -nologo -clp:ErrorsOnly -v:q {run_lock}>&-

# The Aspire Dashboard (a standalone OpenTelemetry viewer, from NuGet): every process sends it its traces, metrics and
# logs. REFERRALNET_DASHBOARD=0 leaves it out (the load benchmarks' figures are taken without it).
if [ "${REFERRALNET_DASHBOARD:-1}" != 0 ]; then
  dashboard_port=${REFERRALNET_DASHBOARD_PORT:-18888} otlp_port=${REFERRALNET_OTLP_PORT:-18889}
  dotnet restore "$root/deploy/dashboard/dashboard.csproj" -v:q >/dev/null {run_lock}>&-
  dashboard_version=$(sed -n 's:.*"Aspire.Dashboard.Sdk.linux-x64" Version="\[\(.*\)\]".*:\1:p' "$root/deploy/dashboard/dashboard.csproj")
  packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
  (exec env "ASPNETCORE_URLS=http://127.0.0.1:$dashboard_port" "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:$otlp_port" \
    "DASHBOARD__FRONTEND__AUTHMODE=Unsecured" "DASHBOARD__OTLP__AUTHMODE=Unsecured" \
    "$packages/aspire.dashboard.sdk.linux-x64/$dashboard_version/tools/Aspire.Dashboard" >>"$data/logs/dashboard.log" 2>&1) &
  pids+=($!)
fi

output() { # project folder -> its build output
  echo "$root/$1/bin/Release/net10.0"
}
declare -A ports=([web]=$web_port [gateway]=$gateway_port)
for name in "${services[@]}"; do ports[$name]=$(port_of "$name" 1); done
run_process() { # NAME PORT LOG [ARGUMENT...]: becomes one process of the network (call it in a subshell or with &)
  local name=$1 port=$2 logfile=$3
  shift 3
  process_env "$name" "$port"
  # exec: the process id the script keeps is the process's own, so stopping it reaches it.
  cd "$(output "$(project_of "$name")")" && exec env "${process_vars[@]}" dotnet "$(assembly_of "$name")" "$@" >>"$logfile" 2>&1
}
for name in "${services[@]}" web; do
  log "Migrating $name..."
  (run_process "$name" "${ports[$name]}" "$data/logs/$name.log" --migrate-only) || { log "Migrating $name failed; see $data/logs/$name.log"; exit 1; }
done
destinations=() # the gateway's, for the instances past the first
for name in "${services[@]}"; do
  for ((i = 1; i <= instances[$name]; i++)); do
    logfile="$data/logs/$name.log"
    if [ "$i" -gt 1 ]; then
      logfile="$data/logs/$name-$i.log"
      destinations+=("ReverseProxy__Clusters__${name}__Destinations__instance${i}__Address=http://127.0.0.1:$(port_of "$name" "$i")")
    fi
    run_process "$name" "$(port_of "$name" "$i")" "$logfile" &
    pids+=($!)
  done
done
for name in web gateway; do
  run_process "$name" "${ports[$name]}" "$data/logs/$name.log" &
  pids+=($!)
done

gateway="http://127.0.0.1:$gateway_port"
if [ ${#services[@]} -eq 6 ]; then
  log "Waiting for every service to be ready, then loading the demo network..."
  dotnet "$(output deploy/ReferralNet.Demo)/ReferralNet.Demo.dll" seed --gateway "$gateway" \
    || { log "The network did not come up; see the logs in $data/logs"; exit 1; }
else
  log "Waiting for ${services[*]} to be ready (only these run; no demo data)..."
  for name in "${services[@]}"; do
    deadline=$((SECONDS + 180))
    until curl -fs "http://127.0.0.1:$(port_of "$name" 1)/health/ready" -o /dev/null; do
      [ $SECONDS -lt $deadline ] || { log "$name did not come up; see $data/logs/$name.log"; exit 1; }
      sleep 0.5
    done
  done
fi

deadline=$((SECONDS + 120))
until curl -fs "http://127.0.0.1:$web_port/health/ready" -o /dev/null; do
  [ $SECONDS -lt $deadline ] || { log "The web app did not come up; see $data/logs/web.log"; exit 1; }
  sleep 0.5
done

cat <<READY

ReferralNet is running.
  Open the web app:     http://localhost:$gateway_port/  (localhost, not 127.0.0.1: passkeys need a host name)
  Gateway:              $gateway
  Health:               $gateway/health/ready
  Instances:            $(for name in "${services[@]}"; do printf '%s ×%s  ' "$name" "${instances[$name]}"; done)(REFERRALNET_INSTANCES=2 for two of each)
  API reference:        $gateway/docs/ (the contract itself: $gateway/openapi/v1.json)
  Get a token (development tokens are on in this local network):
    curl -s -X POST $gateway/dev/token -H 'Content-Type: application/json' -d '{"sub":"me","role":"coordinator"}'
    (a worker: '{"sub":"w-1","role":"worker","agency":"<agencyId>"}'; agency ids: GET $gateway/api/matching/agencies;
     the intake desk, which leads self-referred cases, is agency $DESK_AGENCY_ID)
  Then:                 curl -H "Authorization: Bearer <accessToken>" $gateway/api/matching/agencies
  Dashboard:            $([ -n "${dashboard_port:-}" ] && echo "http://127.0.0.1:$dashboard_port (traces, metrics and logs of every process; unsecured, this machine only)" || echo "off (REFERRALNET_DASHBOARD=0)")
  Load benchmark:       deploy/load.sh (in another terminal, while this runs)
  Logs:                 $data/logs
Press Ctrl-C to stop everything this started.
READY
wait -n "${pids[@]}" || true
log "A process of the network exited; see $data/logs."
