#!/usr/bin/env bash
# Shared by deploy/run.sh and deploy/images.sh: the network's processes, its secrets, and the environment each
# process runs with on this machine. Source it; it defines variables and functions only.

# Every process, the gateway last (it waits for the others' readiness).
processes=(intake matching consent handoff insights support web gateway)

assembly_of() { # NAME -> its assembly, the file its build output runs
  echo "ReferralNet.${1^}.dll"
}

project_of() { # NAME -> its project folder
  case $1 in
    web) echo web/ReferralNet.Web ;;
    gateway) echo gateway/ReferralNet.Gateway ;;
    *) echo "services/${1^}" ;;
  esac
}

# network_secrets DIR: the database password, the identity key, the two issuers' EC P-256 key pairs (the gateway's
# development issuer, the consent service's youth issuer: each private key goes to its issuer only, the public keys to
# every process) and the intake desk's agency id, made once per folder (mode 600) and kept, so a second run finds its
# databases and persons again; then loaded (and the database's password as pg_password).
network_secrets() {
  local file=$1/secrets.env
  secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }
  key_pair() { # NAME -> NAME_PKCS8=… and NAME_SPKI=… (base64 DER)
    local pem
    pem=$(openssl ecparam -name prime256v1 -genkey -noout)
    echo "$1_PKCS8=$(openssl pkcs8 -topk8 -nocrypt -outform DER <<< "$pem" | base64 -w0)"
    echo "$1_SPKI=$(openssl ec -pubout -outform DER 2>/dev/null <<< "$pem" | base64 -w0)"
  }
  if [ ! -f "$file" ]; then
    (umask 077 && printf 'PG_PASSWORD=%s\nIDENTITY_SECRET=%s\n' "$(secret 24)" "$(secret 48)" > "$file")
  fi
  grep -q '^DEV_ISSUER_PKCS8=' "$file" || key_pair DEV_ISSUER >> "$file"
  grep -q '^YOUTH_ISSUER_PKCS8=' "$file" || key_pair YOUTH_ISSUER >> "$file"
  grep -q '^DESK_AGENCY_ID=' "$file" || echo "DESK_AGENCY_ID=$(cat /proc/sys/kernel/random/uuid)" >> "$file"
  # shellcheck source=/dev/null # written above
  source "$file"
  # shellcheck disable=SC2153 # from the file above
  pg_password=$PG_PASSWORD
}

# process_env NAME PORT: the environment of process NAME listening on 127.0.0.1:PORT, into the array process_vars.
# Reads the loaded secrets, pg_port, pg_password, rabbit_port, gateway_port, web_keys, otlp_port (if set), the associative array ports
# (each running process's first instance, for the gateway's destinations) and, if set, the array destinations (the
# gateway's further ones).
process_env() {
  local name=$1 port=$2 other
  # Whose tokens every process accepts: public keys only; the youth issuer gives only the young person's roles.
  process_vars=(
    "Auth__Issuers__0__Issuer=referralnet-dev" "Auth__Issuers__0__Keys__0__Kid=dev-1" "Auth__Issuers__0__Keys__0__Spki=$DEV_ISSUER_SPKI"
    "Auth__Issuers__1__Issuer=referralnet-youth" "Auth__Issuers__1__Roles__0=youth" "Auth__Issuers__1__Roles__1=youth-enrolment"
    "Auth__Issuers__1__Keys__0__Kid=youth-1" "Auth__Issuers__1__Keys__0__Spki=$YOUTH_ISSUER_SPKI"
    "ASPNETCORE_URLS=http://127.0.0.1:$port"
  )
  # Traces, metrics and logs to the dashboard's OTLP endpoint, when one runs.
  [ -z "${otlp_port:-}" ] || process_vars+=("OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$otlp_port")
  if [ "$name" != gateway ]; then
    process_vars+=("Database__ConnectionString=Host=127.0.0.1;Port=$pg_port;Database=referralnet_$name;Username=postgres;Password=$pg_password"
      "Database__MigrateOnStart=false")
  fi
  case $name in
    gateway)
      # The development issuer runs only in the Development environment (the gateway refuses to start otherwise). The
      # load tool's baseline is hundreds of health round trips a second, so this local network lets probes through.
      process_vars+=("Auth__Signing__Issuer=referralnet-dev" "Auth__Signing__Kid=dev-1" "Auth__Signing__Pkcs8=$DEV_ISSUER_PKCS8"
        "Gateway__DevTokens=true" "Gateway__TrustedProxies__0=127.0.0.1" "ASPNETCORE_ENVIRONMENT=Development"
        "Gateway__RateLimit__ProbePermitsPerMinute=${Gateway__RateLimit__ProbePermitsPerMinute:-100000}")
      for other in "${processes[@]}"; do
        [ "$other" = gateway ] || [ -z "${ports[$other]:-}" ] \
          || process_vars+=("ReverseProxy__Clusters__${other}__Destinations__primary__Address=http://127.0.0.1:${ports[$other]}")
      done
      process_vars+=("${destinations[@]}")
      ;;
    web)
      # The web app is a client of the gateway's API like any other; the gateway fronts its pages too.
      process_vars+=("Web__Gateway=http://127.0.0.1:$gateway_port" "Web__DevSignIn=true" "Web__DeskAgencyId=$DESK_AGENCY_ID"
        "Web__KeysFolder=$web_keys" "ASPNETCORE_ENVIRONMENT=Development")
      ;;
    *)
      process_vars+=("Broker__Port=$rabbit_port" "Identity__KeySecret=$IDENTITY_SECRET" "Intake__DeskAgencyId=$DESK_AGENCY_ID")
      if [ "$name" = consent ]; then
        process_vars+=("Auth__Signing__Issuer=referralnet-youth" "Auth__Signing__Kid=youth-1" "Auth__Signing__Pkcs8=$YOUTH_ISSUER_PKCS8"
          "Consent__PasskeyOrigins__0=http://localhost:$gateway_port")
      fi
      ;;
  esac
}
