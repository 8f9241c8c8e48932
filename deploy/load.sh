#!/usr/bin/env bash
# Load benchmark against the network that deploy/run.sh started: referrals through the gateway, submit-to-matches
# latency, and the outbox's commit-to-publish latency read from intake's database. Options pass through, e.g.
#   deploy/load.sh --referrals 3000 --rate 120
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${REFERRALNET_DATA:-$root/.data}
[ -f "$data/secrets.env" ] || { echo "Start the network first: deploy/run.sh" >&2; exit 1; }
source "$data/secrets.env"
gateway="http://127.0.0.1:${REFERRALNET_GATEWAY_PORT:-8080}"
intake="Host=127.0.0.1;Port=${REFERRALNET_PG_PORT:-15432};Database=referralnet_intake;Username=postgres;Password=$PG_PASSWORD"
dotnet build "$root/deploy/ReferralNet.Demo" -c Release -nologo -clp:ErrorsOnly -v:q
exec dotnet "$root/deploy/ReferralNet.Demo/bin/Release/net10.0/ReferralNet.Demo.dll" load --gateway "$gateway" --intake-db "$intake" "$@"
