#!/usr/bin/env bash
# Starts the whole ReferralNet network on this machine: PostgreSQL and RabbitMQ (installed from the OS packages when
# missing) from a private data folder on 127.0.0.1, migrations, the six services, the gateway and the demo network.
# Prints where to open it. Ctrl-C stops everything it started; running it again reuses the data in .data/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"

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
# Secrets are made once per data folder and kept (mode 600), so a second run finds its databases and persons again.
if [ ! -f "$data/secrets.env" ]; then
  secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }
  umask 077
  cat > "$data/secrets.env" <<SECRETS
PG_PASSWORD=$(secret 24)
IDENTITY_SECRET=$(secret 48)
SECRETS
  umask 022
fi
# The two issuers' EC P-256 key pairs (the gateway's development issuer, the consent service's youth issuer), made once
# per data folder: each private key goes to its issuer only, the public keys to every process.
key_pair() { # NAME -> NAME_PKCS8=… and NAME_SPKI=… (base64 DER)
  local pem
  pem=$(openssl ecparam -name prime256v1 -genkey -noout)
  echo "$1_PKCS8=$(openssl pkcs8 -topk8 -nocrypt -outform DER <<< "$pem" | base64 -w0)"
  echo "$1_SPKI=$(openssl ec -pubout -outform DER 2>/dev/null <<< "$pem" | base64 -w0)"
}
grep -q '^DEV_ISSUER_PKCS8=' "$data/secrets.env" || key_pair DEV_ISSUER >> "$data/secrets.env"
grep -q '^YOUTH_ISSUER_PKCS8=' "$data/secrets.env" || key_pair YOUTH_ISSUER >> "$data/secrets.env"
# The network's intake desk (the agency that leads self-referred cases), also made once per data folder.
grep -q '^DESK_AGENCY_ID=' "$data/secrets.env" || echo "DESK_AGENCY_ID=$(cat /proc/sys/kernel/random/uuid)" >> "$data/secrets.env"
# shellcheck source=/dev/null # written on the first run
source "$data/secrets.env"

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
start_postgres "$data/postgres" "$pg_port" "$PG_PASSWORD"
start_rabbitmq "$data/rabbitmq" "$rabbit_port"

log "Building..."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Not the build servers, which outlive the build by minutes: they would hold the lock after the network stopped.
dotnet build "$root/ReferralNet.sln" -c Release -nologo -clp:ErrorsOnly -v:q {run_lock}>&-

output() { # project folder -> its build output
  echo "$root/$1/bin/Release/net10.0"
}
# Whose tokens every process accepts: public keys only; the youth issuer gives only the young person's roles.
trusted_issuers=(
  "Auth__Issuers__0__Issuer=referralnet-dev" "Auth__Issuers__0__Keys__0__Kid=dev-1" "Auth__Issuers__0__Keys__0__Spki=$DEV_ISSUER_SPKI"
  "Auth__Issuers__1__Issuer=referralnet-youth" "Auth__Issuers__1__Roles__0=youth" "Auth__Issuers__1__Roles__1=youth-enrolment"
  "Auth__Issuers__1__Keys__0__Kid=youth-1" "Auth__Issuers__1__Keys__0__Spki=$YOUTH_ISSUER_SPKI"
)
service_env() { # NAME [INSTANCE]: the environment of that service, into the array service_vars
  service_vars=(
    "Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=referralnet_$1;Username=postgres;Password=$PG_PASSWORD"
    "Database__MigrateOnStart=false" "Broker__Port=$rabbit_port" "${trusted_issuers[@]}"
    "Identity__KeySecret=$IDENTITY_SECRET" "Intake__DeskAgencyId=$DESK_AGENCY_ID" "ASPNETCORE_URLS=http://127.0.0.1:$(port_of "$1" "${2:-1}")"
  )
  if [ "$1" = consent ]; then
    service_vars+=("Auth__Signing__Issuer=referralnet-youth" "Auth__Signing__Kid=youth-1" "Auth__Signing__Pkcs8=$YOUTH_ISSUER_PKCS8"
      "Consent__PasskeyOrigins__0=http://localhost:$gateway_port")
  fi
}

for name in "${services[@]}"; do
  project=${name^}
  log "Migrating $name..."
  service_env "$name"
  (cd "$(output "services/$project")" && env "${service_vars[@]}" dotnet "ReferralNet.$project.dll" --migrate-only >>"$data/logs/$name.log" 2>&1) \
    || { log "Migrating $name failed; see $data/logs/$name.log"; exit 1; }
done
destinations=() # the gateway's, for the instances past the first (the first is in its appsettings.json)
for name in "${services[@]}"; do
  project=${name^}
  for ((i = 1; i <= instances[$name]; i++)); do
    service_env "$name" "$i"
    logfile="$data/logs/$name.log"
    if [ "$i" -gt 1 ]; then
      logfile="$data/logs/$name-$i.log"
      destinations+=("ReverseProxy__Clusters__${name}__Destinations__instance${i}__Address=http://127.0.0.1:$(port_of "$name" "$i")")
    fi
    (cd "$(output "services/$project")" && exec env "${service_vars[@]}" dotnet "ReferralNet.$project.dll" >>"$logfile" 2>&1) &
    pids+=($!)
  done
done
# The development issuer runs only in the Development environment (the gateway refuses to start otherwise). The load
# tool's baseline is hundreds of health round trips a second, so this local network lets probes through.
# The web app (worker console, the young person's pages, the dashboards) is a client of the gateway's API like any
# other; the gateway fronts its pages too, and believes the address it says a browser has (it runs on this machine).
(cd "$(output web/ReferralNet.Web)" && exec env "Web__Gateway=http://127.0.0.1:$gateway_port" "Web__DevSignIn=true" "Web__DeskAgencyId=$DESK_AGENCY_ID" \
  "Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=referralnet_web;Username=postgres;Password=$PG_PASSWORD" \
  "Web__KeysFolder=$data/web-keys" "ASPNETCORE_ENVIRONMENT=Development" "ASPNETCORE_URLS=http://127.0.0.1:$web_port" \
  dotnet ReferralNet.Web.dll >>"$data/logs/web.log" 2>&1) &
pids+=($!)
destinations+=("ReverseProxy__Clusters__web__Destinations__primary__Address=http://127.0.0.1:$web_port")
(cd "$(output gateway/ReferralNet.Gateway)" && exec env "${trusted_issuers[@]}" "${destinations[@]}" "Auth__Signing__Issuer=referralnet-dev" "Auth__Signing__Kid=dev-1" \
  "Auth__Signing__Pkcs8=$DEV_ISSUER_PKCS8" "Gateway__DevTokens=true" "Gateway__TrustedProxies__0=127.0.0.1" "ASPNETCORE_ENVIRONMENT=Development" \
  "Gateway__RateLimit__ProbePermitsPerMinute=${Gateway__RateLimit__ProbePermitsPerMinute:-100000}" \
  "ASPNETCORE_URLS=http://127.0.0.1:$gateway_port" dotnet ReferralNet.Gateway.dll >>"$data/logs/gateway.log" 2>&1) &
pids+=($!)

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
  Load benchmark:       deploy/load.sh (in another terminal, while this runs)
  Logs:                 $data/logs
Press Ctrl-C to stop everything this started.
READY
wait -n "${pids[@]}" || true
log "A process of the network exited; see $data/logs."
