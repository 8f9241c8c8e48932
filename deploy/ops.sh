#!/usr/bin/env bash
# Operator commands for the network that deploy/run.sh started:
#   deploy/ops.sh parked            the messages parked after failing for Broker:RedeliverFor, per queue
#   deploy/ops.sh redrive [QUEUE]   once the cause is fixed, sends the parked messages back to their queue (QUEUE, or
#                                   every queue with parked messages); a message that already took effect has none twice
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${REFERRALNET_DATA:-$root/.data}
rabbit_port=${REFERRALNET_RABBIT_PORT:-5682}
ctl="$data/rabbitmq/rabbitmqctl"
[ -x "$ctl" ] || { echo "Start the network first: deploy/run.sh" >&2; exit 1; }

parked() { # QUEUE MESSAGES per line, for parked queues that hold messages
  "$ctl" list_queues --quiet --no-table-headers name messages | awk '$1 ~ /_parked$/ && $2 > 0 { print $1, $2 }'
}

case "${1:-}" in
  parked)
    listed=$(parked)
    if [ -z "$listed" ]; then
      echo "No parked messages."
    else
      printf '%-64s %s\n' QUEUE MESSAGES
      printf '%s\n' "$listed" | while read -r queue count; do printf '%-64s %s\n' "$queue" "$count"; done
    fi
    ;;
  redrive)
    if [ -n "${2:-}" ]; then queues=("${2%_parked}"); else mapfile -t queues < <(parked | awk '{ sub(/_parked$/, "", $1); print $1 }'); fi
    [ ${#queues[@]} -gt 0 ] || { echo "No parked messages."; exit 0; }
    dotnet build "$root/deploy/ReferralNet.Demo" -c Release -nologo -clp:ErrorsOnly -v:q
    for queue in "${queues[@]}"; do
      dotnet "$root/deploy/ReferralNet.Demo/bin/Release/net10.0/ReferralNet.Demo.dll" redrive --broker-port "$rabbit_port" --queue "$queue"
    done
    ;;
  *)
    sed -n '2,5p' "$0" >&2
    exit 2
    ;;
esac
