#!/usr/bin/env bash
# Starts and stops the real stores natively, with no Docker engine:
#   PostgreSQL from the machine's Debian packages (apt-get when missing), its own cluster
#   under the cache folder; Elasticsearch from the official integration-test zip on Maven
#   Central, version and SHA-256 pinned, run as an unprivileged user.
#
# Usage: services.sh up|down postgresql|elasticsearch
# Called by `disclosure services`, which validates the configuration and passes it in:
#   DISCLOSURE_CACHE_DIR PG_PORT PG_USER PG_PASSWORD PG_DATABASE
#   PG_READER_USER PG_READER_PASSWORD (optional: the API's read-only login role)
#   ES_PORT ES_VERSION ES_SHA256 ES_HEAP ES_JAVA_HOME(optional)
# Both listen on 127.0.0.1 only. Progress goes to stderr.
set -euo pipefail

action=${1:?usage: services.sh up|down postgresql|elasticsearch}
store=${2:?usage: services.sh up|down postgresql|elasticsearch}
: "${DISCLOSURE_CACHE_DIR:?}"
cache=$DISCLOSURE_CACHE_DIR

say() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

apt_updated=
apt_install() {
  is_root || die "$* is missing and installing it needs root: apt-get install $*"
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Run a command as an unprivileged user when we are root (initdb and Elasticsearch both
# refuse to run as root); as ourselves otherwise.
as_user() {
  local user=$1; shift
  if is_root; then
    # runuser keeps no controlling terminal and needs no password.
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

ensure_system_user() {
  local user=$1
  is_root || return 0
  id "$user" >/dev/null 2>&1 && return 0
  say "creating system user $user"
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
}

mkdir -p "$cache"
chmod 755 "$cache"

# ---------------------------------------------------------------- PostgreSQL
pg_root=$cache/postgresql
pg_data=$pg_root/data
pg_run=$pg_root/run
pg_log=$pg_root/postgresql.log
pg_owner=postgres
roles_sql=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src/db/roles.sql

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    apt_install postgresql >&2
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  echo "$d"
}

pg_up() {
  : "${PG_PORT:?}" "${PG_USER:?}" "${PG_PASSWORD:?}" "${PG_DATABASE:?}"
  local bin
  bin=$(pg_bin)
  if is_root; then
    id "$pg_owner" >/dev/null 2>&1 || ensure_system_user "$pg_owner"
  else
    pg_owner=$(id -un)
  fi
  mkdir -p "$pg_root" "$pg_run"
  if is_root; then chown "$pg_owner" "$pg_root" "$pg_run"; fi
  if [ ! -s "$pg_data/PG_VERSION" ]; then
    say "initdb $pg_data"
    local pw
    pw=$(mktemp)
    printf '%s\n' "$PG_PASSWORD" >"$pw"
    if is_root; then chown "$pg_owner" "$pw"; fi
    as_user "$pg_owner" "$bin/initdb" -D "$pg_data" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pw" --no-instructions >/dev/null
    rm -f "$pw"
  fi
  if as_user "$pg_owner" "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    say "postgresql already running (port $PG_PORT)"
  else
    say "starting postgresql on 127.0.0.1:$PG_PORT"
    # Tuned for bulk loads on a 2-core machine; durability stays on.
    as_user "$pg_owner" "$bin/pg_ctl" -D "$pg_data" -l "$pg_log" -s -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $pg_run -c shared_buffers=512MB -c max_wal_size=4GB -c checkpoint_timeout=15min -c maintenance_work_mem=512MB -c work_mem=32MB -c max_connections=200" >&2 \
      || { tail -n 20 "$pg_log" >&2; die "postgresql did not start (log: $pg_log)"; }
  fi
  local psql=("$bin/psql" -h "$pg_run" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  # The roles, from the one file docker-compose.yml runs too: the owner (its password kept
  # in step with the configuration), disclosure_api, and the API's login role in it (its
  # grants on tables come with the migration 20261201_05_api_reader, per database). An
  # empty reader: the API connects as the owner or to another server. Fed on stdin: the
  # postgres user may not be able to read the project's folder.
  as_user "$pg_owner" "${psql[@]}" -v owner_user="$PG_USER" -v owner_password="$PG_PASSWORD" \
    -v reader_user="${PG_READER_USER:-}" -v reader_password="${PG_READER_PASSWORD:-}" -f - <"$roles_sql" >&2
  as_user "$pg_owner" "${psql[@]}" -v u="$PG_USER" -v d="$PG_DATABASE" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SQL
  say "postgresql ready"
}

pg_down() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] && [ -s "$pg_data/PG_VERSION" ] || { say "postgresql: nothing started here"; return 0; }
  is_root || pg_owner=$(id -un)
  if as_user "$pg_owner" "$bin/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    say "stopping postgresql"
    as_user "$pg_owner" "$bin/pg_ctl" -D "$pg_data" -s -m fast -w stop >&2
  else
    say "postgresql not running"
  fi
}

# ------------------------------------------------------------- Elasticsearch
es_user=disclosure-es

java_major() { "$1/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }

pick_java() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  local best='' best_major=0 d m
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -x "$d/bin/java" ] || continue
    m=$(java_major "$d" || true)
    [ -n "$m" ] || continue
    if [ "$m" -gt "$best_major" ]; then best=$d; best_major=$m; fi
  done
  if [ "$best_major" -lt 17 ]; then
    apt_install openjdk-17-jre-headless
    best=$(ls -d /usr/lib/jvm/java-17-openjdk-* | head -n 1)
  fi
  echo "$best"
}

es_fetch() {
  local zip=$1 coords="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
  local dir
  dir=$(dirname "$zip")
  mkdir -p "$dir"
  if [ -s "$zip" ] && echo "$ES_SHA256  $zip" | sha256sum -c --status; then return 0; fi
  rm -f "$zip"
  say "downloading $coords"
  if command -v mvn >/dev/null 2>&1; then
    mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$coords" -DoutputDirectory="$dir" -Dmdep.overWriteReleases=true >&2 \
      || say "mvn dependency:copy failed; trying Maven Central over HTTPS"
  fi
  if [ ! -s "$zip" ]; then
    local url="https://repo.maven.apache.org/maven2/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"
    curl -fsSL --retry 3 -o "$zip.part" "$url" || die "cannot fetch $coords (mvn and $url both failed)"
    mv "$zip.part" "$zip"
  fi
  local got
  got=$(sha256sum "$zip" | cut -d' ' -f1)
  [ "$got" = "$ES_SHA256" ] || { rm -f "$zip"; die "SHA-256 of $zip is $got, pinned $ES_SHA256: refusing to run it"; }
}

es_home=$cache/elasticsearch/elasticsearch-${ES_VERSION:-unset}
es_data=$cache/elasticsearch/data
es_logs=$cache/elasticsearch/logs
es_pid=$cache/elasticsearch/elasticsearch.pid

es_running() { [ -s "$es_pid" ] && kill -0 "$(cat "$es_pid")" 2>/dev/null; }

es_up() {
  : "${ES_PORT:?}" "${ES_VERSION:?}" "${ES_SHA256:?}" "${ES_HEAP:?}"
  if es_running; then say "elasticsearch already running (pid $(cat "$es_pid"), port $ES_PORT)"; return 0; fi
  local zip=$cache/downloads/elasticsearch-$ES_VERSION.zip
  es_fetch "$zip"
  if [ ! -x "$es_home/bin/elasticsearch" ]; then
    command -v unzip >/dev/null 2>&1 || apt_install unzip
    say "unpacking $(basename "$zip")"
    rm -rf "$es_home.tmp" && mkdir -p "$es_home.tmp"
    unzip -q "$zip" -d "$es_home.tmp"
    mv "$es_home.tmp/elasticsearch-$ES_VERSION" "$es_home" && rmdir "$es_home.tmp"
  fi
  ensure_system_user "$es_user"
  mkdir -p "$es_data" "$es_logs"
  cat >"$es_home/config/elasticsearch.yml" <<EOF
# Written by scripts/services.sh on every start; edit the script, not this file.
cluster.name: calaccess-disclosure
node.name: local
# Loopback only. Security (TLS, users) is off ONLY because nothing outside this machine
# can reach the node; never bind it to another address with this file.
network.host: 127.0.0.1
http.port: $ES_PORT
transport.port: $((ES_PORT + 100))
discovery.type: single-node
xpack.security.enabled: false
path.data: $es_data
path.logs: $es_logs
# A nearly full development disk must not turn indices read-only under the tests.
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  if is_root; then chown -R "$es_user" "$cache/elasticsearch"; fi
  local java
  java=$(pick_java)
  say "starting elasticsearch $ES_VERSION on 127.0.0.1:$ES_PORT (JDK $java, heap $ES_HEAP)"
  printf '%s (Java %s)\n' "$java" "$(java_major "$java")" >"$cache/elasticsearch/jdk"
  rm -f "$es_pid"
  as_user "$es_user" env ES_JAVA_HOME="$java" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" ES_PATH_CONF="$es_home/config" \
    "$es_home/bin/elasticsearch" -d -p "$es_pid" >"$es_logs/startup.out" 2>&1 \
    || { tail -n 30 "$es_logs/startup.out" >&2 || true; die "elasticsearch did not start (log: $es_logs/startup.out)"; }
  local i
  for i in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      say "elasticsearch ready"
      return 0
    fi
    es_running || { tail -n 30 "$es_logs/calaccess-disclosure.log" >&2 || true; die "elasticsearch exited during start"; }
    sleep 1
  done
  die "elasticsearch did not answer within 120 s (log: $es_logs/calaccess-disclosure.log)"
}

es_down() {
  if ! es_running; then say "elasticsearch: nothing running that was started here"; rm -f "$es_pid"; return 0; fi
  local pid
  pid=$(cat "$es_pid")
  say "stopping elasticsearch (pid $pid)"
  kill "$pid"
  local i
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$es_pid"; say "elasticsearch stopped"; return 0; }
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$es_pid"
}

case "$action:$store" in
  up:postgresql) pg_up ;;
  down:postgresql) pg_down ;;
  up:elasticsearch) es_up ;;
  down:elasticsearch) es_down ;;
  *) die "usage: services.sh up|down postgresql|elasticsearch" ;;
esac
