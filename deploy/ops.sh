#!/usr/bin/env bash
# Operator commands for the network that deploy/run.sh started:
#   deploy/ops.sh parked            the messages parked after failing for Broker:RedeliverFor, per queue, and the
#                                   outbox rows parked after Outbox:ParkAfterAttempts, per service
#   deploy/ops.sh redrive [QUEUE]   once the cause is fixed, sends the parked messages back to their queue (QUEUE, or
#                                   every queue with parked messages) and, without QUEUE, the parked outbox rows back to
#                                   their outbox; a message that already took effect has none twice
#   deploy/ops.sh backup [DIR]      a base backup of the network's PostgreSQL (every database as of one moment), checked,
#                                   into DIR (default: the data folder's backups/<UTC time>); the network keeps running
#   deploy/ops.sh restore BACKUP    the backup into this data folder (REFERRALNET_DATA), which has no database yet and
#                                   holds the network's secrets.env (kept apart from its backups); deploy/run.sh then
#                                   starts the network on it
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/deploy/lib/servers.sh"
data=${REFERRALNET_DATA:-$root/.data}
rabbit_port=${REFERRALNET_RABBIT_PORT:-5682}
pg_port=${REFERRALNET_PG_PORT:-15432}
ctl="$data/rabbitmq/rabbitmqctl"
services=(intake matching consent handoff insights support)
find_pg_bin || { echo "PostgreSQL is not installed: deploy/run.sh installs it" >&2; exit 1; }

load_secrets() {
  # shellcheck source=/dev/null # written by the run script
  source "$data/secrets.env"
}

require_network() {
  if [ ! -x "$ctl" ] || [ ! -f "$data/secrets.env" ]; then echo "Start the network first: deploy/run.sh" >&2; exit 1; fi
  load_secrets
}

sql() { # DATABASE STATEMENT
  PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d "$1" -tAq -c "$2"
}

parked_rows() { # SERVICE ROWS per line, for services whose outbox parked rows
  local service count
  for service in "${services[@]}"; do
    count=$(sql "referralnet_$service" "SELECT COUNT(*) FROM outbox_messages WHERE parked_at IS NOT NULL")
    [ "$count" -gt 0 ] && echo "$service $count"
  done
  return 0
}

parked() { # QUEUE MESSAGES per line, for parked queues that hold messages
  "$ctl" list_queues --quiet --no-table-headers name messages | awk '$1 ~ /_parked$/ && $2 > 0 { print $1, $2 }'
}

# What the broker held at the moment of a backup is not in it. Every service keeps its outbox's sent messages for
# Outbox:KeepDispatchedFor, so a restore sends them again: the consumers' inboxes drop those that had taken effect, and
# those that were still on their way arrive. Done in every database with an outbox, so the services need not be known.
send_kept_messages_again() {
  local database
  for database in $(sql postgres "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'"); do
    if [ "$(sql "$database" "SELECT to_regclass('outbox_messages') IS NOT NULL")" = t ]; then
      echo "$database: $(sql "$database" "WITH again AS (UPDATE outbox_messages SET dispatched_at = NULL WHERE dispatched_at IS NOT NULL RETURNING 1) SELECT COUNT(*) FROM again") sent message(s) to send again"
    fi
  done
}

case "${1:-}" in
  parked)
    require_network
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
    require_network
    if [ -n "${2:-}" ]; then queues=("${2%_parked}"); else mapfile -t queues < <(parked | awk '{ sub(/_parked$/, "", $1); print $1 }'); fi
    if [ -z "${2:-}" ]; then
      parked_rows | while read -r service count; do
        sql "referralnet_$service" "UPDATE outbox_messages SET parked_at = NULL, attempts = 0 WHERE parked_at IS NOT NULL"
        echo "outbox of $service: $count parked row(s) sent back."
      done
    fi
    [ ${#queues[@]} -gt 0 ] || { echo "No parked messages in the queues."; exit 0; }
    dotnet build "$root/deploy/ReferralNet.Demo" -c Release -nologo -clp:ErrorsOnly -v:q
    for queue in "${queues[@]}"; do
      dotnet "$root/deploy/ReferralNet.Demo/bin/Release/net10.0/ReferralNet.Demo.dll" redrive --broker-port "$rabbit_port" --queue "$queue"
    done
    ;;
  backup)
    require_network
    target=${2:-$data/backups/$(date -u +%Y%m%dT%H%M%SZ)}
    [ ! -e "$target/base" ] || { echo "$target already holds a backup" >&2; exit 1; }
    started=$SECONDS
    backup_postgres "$pg_port" "$PG_PASSWORD" "$target"
    echo "Backed up every database of the network to $target in $((SECONDS - started)) s ($(du -sh "$target/base" | cut -f1)); checked against its manifest."
    ;;
  restore)
    backup=${2:?"deploy/ops.sh restore BACKUP: the folder deploy/ops.sh backup wrote"}
    mkdir -p "$data"
    # A network running on this folder must not see its database replaced.
    exec {run_lock}>>"$data/run.lock"
    flock -n "$run_lock" || { echo "A network runs from $data; stop it first. Nothing was restored." >&2; exit 1; }
    [ -f "$data/secrets.env" ] || { echo "$data has no secrets.env: copy the backed-up network's secrets.env there first (its database password and the identity key that finds its persons). Nothing was restored." >&2; exit 1; }
    load_secrets
    restore_postgres "$backup" "$data/postgres"
    trap 'stop_postgres "$data/postgres"' EXIT
    start_postgres "$data/postgres" "$pg_port" "$PG_PASSWORD"
    sql postgres "SELECT 1" >/dev/null || { echo "The database does not take the password of $data/secrets.env: it is not the backed-up network's." >&2; exit 1; }
    send_kept_messages_again
    echo "Restored $backup into $data. Start the network on it: REFERRALNET_DATA=$data deploy/run.sh"
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
