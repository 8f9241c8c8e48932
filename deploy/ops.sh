#!/usr/bin/env bash
# Operator commands for the network that deploy/run.sh started:
#   deploy/ops.sh parked            the messages parked after failing for Broker:RedeliverFor, per queue, and the
#                                   outbox rows parked after Outbox:ParkAfterAttempts, per service
#   deploy/ops.sh redrive [QUEUE]   once the cause is fixed, sends the parked messages back to their queue (QUEUE, or
#                                   every queue with parked messages) and, without QUEUE, the parked outbox rows back to
#                                   their outbox; a message that already took effect has none twice
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"
data=${REFERRALNET_DATA:-$root/.data}
rabbit_port=${REFERRALNET_RABBIT_PORT:-5682}
pg_port=${REFERRALNET_PG_PORT:-15432}
ctl="$data/rabbitmq/rabbitmqctl"
if [ ! -x "$ctl" ] || [ ! -f "$data/secrets.env" ]; then echo "Start the network first: deploy/run.sh" >&2; exit 1; fi
# shellcheck source=/dev/null # written by the run script
source "$data/secrets.env"
find_pg_bin
services=(intake matching consent handoff insights support)

sql() { # SERVICE STATEMENT
  PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "referralnet_$1" -tAq -c "$2"
}

parked_rows() { # SERVICE ROWS per line, for services whose outbox parked rows
  local service count
  for service in "${services[@]}"; do
    count=$(sql "$service" "SELECT COUNT(*) FROM outbox_messages WHERE parked_at IS NOT NULL")
    [ "$count" -gt 0 ] && echo "$service $count"
  done
  return 0
}

parked() { # QUEUE MESSAGES per line, for parked queues that hold messages
  "$ctl" list_queues --quiet --no-table-headers name messages | awk '$1 ~ /_parked$/ && $2 > 0 { print $1, $2 }'
}

case "${1:-}" in
  parked)
    listed=$(parked)
    rows=$(parked_rows)
    [ -z "$listed$rows" ] && echo "No parked messages."
    if [ -n "$listed" ]; then
      printf '%-64s %s\n' QUEUE MESSAGES
      printf '%s\n' "$listed" | while read -r queue count; do printf '%-64s %s\n' "$queue" "$count"; done
    fi
    if [ -n "$rows" ]; then
      printf '%-64s %s\n' "OUTBOX OF" ROWS
      printf '%s\n' "$rows" | while read -r service count; do printf '%-64s %s\n' "$service" "$count"; done
    fi
    ;;
  redrive)
    if [ -n "${2:-}" ]; then queues=("${2%_parked}"); else mapfile -t queues < <(parked | awk '{ sub(/_parked$/, "", $1); print $1 }'); fi
    if [ -z "${2:-}" ]; then
      parked_rows | while read -r service count; do
        sql "$service" "UPDATE outbox_messages SET parked_at = NULL, attempts = 0 WHERE parked_at IS NOT NULL"
        echo "outbox of $service: $count parked row(s) sent back."
      done
    fi
    [ ${#queues[@]} -gt 0 ] || { echo "No parked messages in the queues."; exit 0; }
    dotnet build "$root/deploy/ReferralNet.Demo" -c Release -nologo -clp:ErrorsOnly -v:q
    for queue in "${queues[@]}"; do
      dotnet "$root/deploy/ReferralNet.Demo/bin/Release/net10.0/ReferralNet.Demo.dll" redrive --broker-port "$rabbit_port" --queue "$queue"
    done
    ;;
  *)
    sed -n '2,7p' "$0" >&2
    exit 2
    ;;
esac
