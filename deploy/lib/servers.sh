#!/usr/bin/env bash
# Shared by deploy/run.sh and deploy/test.sh: install, start and stop private PostgreSQL and RabbitMQ servers
# bound to 127.0.0.1, each in a data folder of its own. Source it; it defines functions only.

PG_BIN=""
SERVERS_SH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/servers.sh"

log() { printf '[referralnet] %s\n' "$*" >&2; }

# Installs the Debian packages that are missing, or says exactly what to install when it cannot.
ensure_packages() {
  local missing=()
  find_pg_bin || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v openssl >/dev/null || missing+=(openssl) # the run script makes the issuers' key pairs with it
  [ ${#missing[@]} -eq 0 ] && return 0
  install_packages "${missing[@]}" && find_pg_bin
}

# The browser tests drive Debian's Chromium (Playwright downloads no browser here); the pages are Japanese first, so
# the screenshots need a Japanese font.
ensure_browser_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # Read whole first: with pipefail, grep -q closing the pipe early would fail fc-list, and so the test.
  [[ "$(fc-list 2>/dev/null)" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
  [ ${#missing[@]} -eq 0 ] && return 0
  install_packages "${missing[@]}"
}

install_packages() { # PACKAGE...: from the Debian packages, once
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    log "Missing: $*. Install them with: sudo apt-get update && sudo apt-get install -y $*"
    return 1
  fi
  log "Installing $* from the Debian packages (once)..."
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

find_pg_bin() {
  local dir
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [ -x "$dir/initdb" ]; then PG_BIN="$dir"; return 0; fi
  done
  return 1
}

# free_port LOW HIGH: a port nobody listens on. Callers keep below 32768, Linux's ephemeral range, where an outgoing
# connection may hold a port at any moment (RabbitMQ also takes port + 20000 for its distribution port).
free_port() {
  local port
  for _ in $(seq 100); do
    port=$(shuf -i "$1-$2" -n 1)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 20000))") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

wait_for_port() { # host port seconds
  local deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.2
  done
}

# start_postgres DIR PORT PASSWORD [fast|replicated]: initdb on first use (as the postgres user: initdb refuses root).
start_postgres() {
  local dir=$1 port=$2 password=$3 fast=${4:-}
  mkdir -p "$dir"
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    printf '%s\n' "$password" > "$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir/pwfile"
    "${run_as[@]}" "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    rm -f "$dir/pwfile"
  fi
  local options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300"
  # Only for throwaway test clusters: durability off, speed up.
  [ "$fast" = fast ] && options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # A server of a replicated pair: pg_rewind, which brings a failed primary back as a standby, needs the hint bits
  # logged, also by the crash recovery it runs itself (so the setting is in the data folder, not on the command line).
  if [ "$fast" = replicated ] && ! grep -q '^wal_log_hints' "$dir/data/postgresql.auto.conf"; then
    echo "wal_log_hints = on" | "${run_as[@]}" tee -a "$dir/data/postgresql.auto.conf" >/dev/null
  fi
  # The network's own server holds five services' databases. The default 128 MB of buffers is far below their working
  # set: backends then write out and read back evicted pages on every transaction. Checkpoints far apart keep full-page
  # images from dominating the WAL (at 100 referrals/s the default 1 GB forced one every two minutes).
  [ "$fast" = fast ] || options="$options -c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=15min"
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start -o "$options" >/dev/null \
    || { tail -20 "$dir/postgres.log" >&2; return 1; }
}

stop_postgres() { # DIR
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  if [ -f "$1/data/postmaster.pid" ]; then
    "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

# restart_postgres_immediately DIR: a crash and a restart, as the fault tests need: no checkpoint, no goodbye to clients.
restart_postgres_immediately() {
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/postgres.log" -m immediate -w -t 60 restart >/dev/null
}

# start_postgres_standby DIR PORT PRIMARY_PORT PASSWORD: a synchronous standby of the PostgreSQL on PRIMARY_PORT (started
# "replicated"), copied from it with pg_basebackup and streaming from a replication slot of its own; from then on the
# primary waits for it on every commit.
start_postgres_standby() {
  local dir=$1 port=$2 primary=$3 password=$4
  local run_as=()
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" env PGPASSWORD="$password" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$dir/data" \
    -X stream -C -S "standby_$port" >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; return 1; }
  follow_postgres "$dir" "$port" "$primary" "$password"
  primary_waits_for_standby "$primary" "$password"
}

# follow_postgres DIR PORT PRIMARY_PORT PASSWORD: starts the server in DIR as a standby of the one on PRIMARY_PORT.
follow_postgres() {
  local dir=$1 port=$2 primary=$3 password=$4
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" touch "$dir/data/standby.signal"
  "${run_as[@]}" tee -a "$dir/data/postgresql.auto.conf" >/dev/null <<CONF
primary_conninfo = 'host=127.0.0.1 port=$primary user=postgres password=$password application_name=standby_$port'
primary_slot_name = 'standby_$port'
synchronous_standby_names = ''
CONF
  start_postgres "$dir" "$port" "$password" replicated
}

primary_waits_for_standby() { # PRIMARY_PORT PASSWORD: every commit waits until a standby has it
  PGPASSWORD=$2 "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -qAt \
    -c "ALTER SYSTEM SET synchronous_standby_names = '*'" -c "SELECT pg_reload_conf()" >/dev/null
}

# promote_postgres DIR: the standby in DIR becomes the primary (it no longer waits for a standby of its own).
promote_postgres() {
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$1/data" -w -t 60 promote >/dev/null
}

# kill_postgres DIR: SIGKILL to the server, as a crash of its machine would look to its clients.
kill_postgres() {
  [ -f "$1/data/postmaster.pid" ] || return 0
  local pid
  pid=$(head -1 "$1/data/postmaster.pid")
  kill -9 "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done # its backends notice the death by themselves
}

# rejoin_postgres DIR PORT PRIMARY_PORT PASSWORD: a former primary (stopped or killed) back as a standby of the new
# one: pg_rewind takes it back to where the two diverged (after a checkpoint on the new primary, so that it knows its
# new timeline), with a replication slot made for it on the new primary.
rejoin_postgres() {
  local dir=$1 port=$2 primary=$3 password=$4
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  PGPASSWORD=$password "$PG_BIN/psql" -h 127.0.0.1 -p "$primary" -U postgres -d postgres -qAt -c "CHECKPOINT" \
    -c "SELECT pg_create_physical_replication_slot('standby_$port') WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'standby_$port')" >/dev/null
  rm -f "$dir/data/postmaster.pid"
  "${run_as[@]}" "$PG_BIN/pg_rewind" --target-pgdata="$dir/data" \
    --source-server="host=127.0.0.1 port=$primary user=postgres password=$password dbname=postgres" >"$dir/rewind.log" 2>&1 \
    || { cat "$dir/rewind.log" >&2; return 1; }
  follow_postgres "$dir" "$port" "$primary" "$password"
  primary_waits_for_standby "$primary" "$password"
}

# backup_postgres PORT PASSWORD DIR: a base backup of the whole server into DIR/base, every database as of one moment,
# with the WAL that makes it consistent, checked against its own manifest before it counts as a backup.
backup_postgres() {
  local port=$1 password=$2 dir=$3
  local run_as=()
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" env PGPASSWORD="$password" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$port" -U postgres -D "$dir/base" \
    -X stream --checkpoint=fast --manifest-checksums=SHA256 >"$dir/backup.log" 2>&1 || { cat "$dir/backup.log" >&2; return 1; }
  "${run_as[@]}" "$PG_BIN/pg_verifybackup" -q "$dir/base" >>"$dir/backup.log" 2>&1 || { cat "$dir/backup.log" >&2; return 1; }
}

# restore_postgres BACKUP DIR: the base backup in BACKUP/base becomes the data of a server in DIR, which has none yet;
# start_postgres then starts it, and it recovers to the moment of the backup.
restore_postgres() {
  local backup=$1 dir=$2
  [ -f "$backup/base/PG_VERSION" ] || { log "$backup holds no base backup (no base/PG_VERSION)"; return 1; }
  [ ! -e "$dir/data" ] || { log "$dir/data exists: a backup is restored into a data folder without a database"; return 1; }
  mkdir -p "$dir"
  cp -a "$backup/base" "$dir/data"
  rm -f "$dir/data/backup_manifest"
  chmod 700 "$dir/data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$dir"
  return 0
}

# Erlang schedulers busy-wait for work by default; on a machine the broker shares with PostgreSQL and seven .NET
# processes that spinning takes CPU they need, so they sleep at once instead.
RABBIT_NO_BUSY_WAIT="+sbwt none +sbwtdcpu none +sbwtdio none"

# rabbit_env DIR PORT: the environment both the server and its CLI tools need to find this private node.
rabbit_env() {
  local dir=$1 port=$2
  export HOME="$dir" RABBITMQ_NODENAME="rn$port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$port" \
    RABBITMQ_DIST_PORT=$((port + 20000)) RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq" RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_PID_FILE="$dir/rabbitmq.pid" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1} $RABBIT_NO_BUSY_WAIT"
}

# start_rabbitmq DIR PORT [MANAGEMENT_PORT]: RabbitMQ from a private folder; writes DIR/rabbitmqctl, a wrapper bound to
# this node. With a management port, its HTTP API listens there (the tests create virtual hosts with it: each
# rabbitmqctl call boots an Erlang VM, about 0.4 s of CPU).
start_rabbitmq() {
  local dir=$1 port=$2 management=${3:-}
  [ $((port + 20000)) -lt 32768 ] || { log "RabbitMQ port $port: its distribution port ($port + 20000) would fall in the ephemeral range; pick one below 12768"; return 1; }
  mkdir -p "$dir/log" "$dir/mnesia"
  cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
loopback_users = none
CONF
  if [ -n "$management" ]; then
    printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$management" >> "$dir/rabbitmq.conf"
    echo "[rabbitmq_management]." > "$dir/enabled_plugins"
  else
    echo "[]." > "$dir/enabled_plugins"
  fi
  cat > "$dir/rabbitmqctl" <<WRAP
#!/usr/bin/env bash
source "$SERVERS_SH"
rabbit_env "$dir" "$port"
exec /usr/lib/rabbitmq/bin/rabbitmqctl "\$@"
WRAP
  chmod +x "$dir/rabbitmqctl"
  (
    rabbit_env "$dir" "$port"
    [ -f "$dir/.erlang.cookie" ] || { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/.erlang.cookie"; chmod 400 "$dir/.erlang.cookie"; }
    /usr/lib/rabbitmq/bin/rabbitmq-server -detached >/dev/null 2>&1
    /usr/lib/rabbitmq/bin/rabbitmqctl wait --timeout 120 "$dir/rabbitmq.pid" >/dev/null 2>&1
  ) || { log "RabbitMQ did not start; see $dir/log"; return 1; }
}

# start_rabbitmq_cluster DIR PORT...: a RabbitMQ cluster on this machine, one node per port (each in DIR/PORT, all
# with one Erlang cookie), the later nodes joined to the first. A node killed later starts again with start_rabbitmq
# DIR/PORT PORT and rejoins by itself.
start_rabbitmq_cluster() {
  local dir=$1 first=$2 port pids=()
  shift
  mkdir -p "$dir"
  [ -f "$dir/cookie" ] || head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$dir/cookie"
  for port in "$@"; do
    mkdir -p "$dir/$port"
    [ -f "$dir/$port/.erlang.cookie" ] || { cp "$dir/cookie" "$dir/$port/.erlang.cookie"; chmod 400 "$dir/$port/.erlang.cookie"; }
    start_rabbitmq "$dir/$port" "$port" &
    pids+=($!)
  done
  for port in "${pids[@]}"; do wait "$port" || return 1; done
  for port in "${@:2}"; do
    { "$dir/$port/rabbitmqctl" stop_app && "$dir/$port/rabbitmqctl" join_cluster "rn$first@localhost" \
      && "$dir/$port/rabbitmqctl" start_app; } >/dev/null || { log "RabbitMQ node $port did not join rn$first@localhost"; return 1; }
  done
}

# kill_rabbitmq DIR: SIGKILL to the node, as a crash would; start_rabbitmq starts it again on the same data.
kill_rabbitmq() {
  [ -f "$1/rabbitmq.pid" ] || return 0
  kill -9 "$(cat "$1/rabbitmq.pid")" 2>/dev/null || true
  while kill -0 "$(cat "$1/rabbitmq.pid")" 2>/dev/null; do sleep 0.1; done
  rm -f "$1/rabbitmq.pid"
}

stop_rabbitmq() { # DIR PORT
  local dir=$1 port=$2
  [ -f "$dir/rabbitmq.pid" ] || return 0
  (
    rabbit_env "$dir" "$port"
    /usr/lib/rabbitmq/bin/rabbitmqctl shutdown >/dev/null 2>&1 || kill "$(cat "$dir/rabbitmq.pid")" 2>/dev/null
  )
  rm -f "$dir/rabbitmq.pid"
  # epmd outlives the node; stop the one this node started (it listens on 127.0.0.1 only).
  local epmd
  for epmd in $(pgrep -x epmd 2>/dev/null); do
    if { tr '\0' '\n' < "/proc/$epmd/environ"; } 2>/dev/null | grep -q "^RABBITMQ_NODE_PORT=$port$"; then
      kill "$epmd" 2>/dev/null || true
    fi
  done
}
