#!/usr/bin/env bash
# Benchmarks against the network that deploy/run.sh started, through the gateway. Options pass through, e.g.
#   deploy/load.sh --referrals 3000 --rate 100   referrals: throughput, submit-to-matches latency, outbox latency
#   deploy/load.sh overload --peak 200 --seconds 20
#                                                 admission control: bursts at 1x, 2x and 3x the peak rate, each followed
#                                                 by 20 s at the peak rate; goodput, shed, ready p99, seconds to recover
#   deploy/load.sh intake --persons 100000 --referrals 9000 --rate 300
#                                                 POST /api/intake/referrals with that many persons stored (stored once,
#                                                 straight into intake's database), half the referrals for stored persons
#   deploy/load.sh caselist --persons 10000 --searches 200
#                                                 a worker's caseload of that many cases (the intake benchmark's, stored
#                                                 once): a case by reference, a name search, the first page; p50/p99
#   deploy/load.sh revocations --count 100        consent revocation: revoke response to deny in intake
#   deploy/load.sh tokens --seconds 10            requests/s through the gateway vs straight to intake (token validation);
#                                                 start the network with the gateway's limits raised for it:
#                                                 Gateway__RateLimit__PermitsPerSecond=1000000 Gateway__RateLimit__Burst=1000000
#                                                 Gateway__RateLimit__AnonymousPermitsPerMinute=100000000 deploy/run.sh
#   deploy/load.sh deadlines --offers 100000 --due 1000
#                                                 the deadline sweep: that many open offers stored in handoff's database,
#                                                 some due within one minute; how late each fires
#   deploy/load.sh events --connections 500 --offers 100
#                                                 live events: that many workers of one agency hold GET /api/handoffs/events
#                                                 open; offers to that agency, offer POST to event on every stream
#   deploy/load.sh directory --services 10000 --searches 2000
#                                                 a generated HSDS directory of that many services through the import
#                                                 (throughput), then a worker's search through the gateway (latency)
#   deploy/load.sh plans --rate 50 --seconds 20   the support plan: reads and writes (If-Match) through the gateway, p50/p99
#   deploy/load.sh meetings --rate 20 --seconds 20
#                                                 the team's meetings: scheduling and minutes through the gateway, p50/p99
#                                                 (run it beside deploy/load.sh --rate 100, the referral run)
#   deploy/load.sh --referrals 3000 --rate 100 --health /health/live
#                                                 the referral run against a network started without some services
#                                                 (REFERRALNET_SERVICES), whose gateway is live but not ready
#   deploy/load.sh pages --seconds 30 [--think-ms 1000]
#                                                 the web app's pages: ten users at once (each reading a page that long
#                                                 before the next), time per page (p50, p95), bytes of a first visit
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${REFERRALNET_DATA:-$root/.data}
[ -f "$data/secrets.env" ] || { echo "Start the network first: deploy/run.sh" >&2; exit 1; }
# shellcheck source=/dev/null # written by the run script
source "$data/secrets.env"
gateway="http://127.0.0.1:${REFERRALNET_GATEWAY_PORT:-8080}"
database() { # service
  echo "Host=127.0.0.1;Port=${REFERRALNET_PG_PORT:-15432};Database=referralnet_$1;Username=postgres;Password=$PG_PASSWORD"
}
intake=$(database intake)
# The dashboard records every span of every process: under load that costs the network most of its CPU headroom.
if curl -fs -o /dev/null "http://127.0.0.1:${REFERRALNET_DASHBOARD_PORT:-18888}/" 2>/dev/null; then
  echo "Note: the Aspire Dashboard runs beside this network; its figures are not comparable with docs/benchmarks.md (start it with REFERRALNET_DASHBOARD=0)." >&2
fi
dotnet build "$root/deploy/ReferralNet.Demo" -c Release -nologo -clp:ErrorsOnly -v:q
tool="$root/deploy/ReferralNet.Demo/bin/Release/net10.0/ReferralNet.Demo.dll"
if [ "${1:-}" = intake ] || [ "${1:-}" = caselist ]; then
  command=$1
  shift
  exec dotnet "$tool" "$command" --gateway "$gateway" --intake-db "$intake" --identity-secret "$IDENTITY_SECRET" "$@"
fi
if [ "${1:-}" = deadlines ]; then
  shift
  exec dotnet "$tool" deadlines --handoff-db "$(database handoff)" --matching-db "$(database matching)" "$@"
fi
if [ "${1:-}" = revocations ] || [ "${1:-}" = tokens ] || [ "${1:-}" = events ] || [ "${1:-}" = overload ] || [ "${1:-}" = directory ] || [ "${1:-}" = pages ] || [ "${1:-}" = plans ] || [ "${1:-}" = meetings ]; then
  command=$1
  shift
  exec dotnet "$tool" "$command" --gateway "$gateway" "$@"
fi
exec dotnet "$tool" load --gateway "$gateway" --intake-db "$intake" "$@"
