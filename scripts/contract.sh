#!/usr/bin/env bash
# The API contract run: Schemathesis over every operation of /api/v1/openapi.json, against
# the service serving the real CAL-ACCESS sample, with every check. Not part of CI.
#
# Usage: scripts/contract.sh [sample-folder]
#   sample-folder  the CAL-ACCESS export to load (default: data/calaccess-sample, the real
#                  sample shipped in the repo); also SAMPLE_DIR
# Settings (environment): CONTRACT_SEED (default 20261202), CONTRACT_MAX_EXAMPLES
#   (test cases per operation and phase, default 25), CONTRACT_MAX_TIME (seconds the whole
#   Schemathesis run may take, default 900), CONTRACT_WORKERS (default 2),
#   CONTRACT_REPORT_DIR (default: a temporary folder, removed after; set it to keep the
#   JUnit and NDJSON reports), DATABASE_URL / ELASTICSEARCH_URL (the stores, as usual).
# Hooks: when test/contract/hooks.py exists, Schemathesis loads it (SCHEMATHESIS_HOOKS):
#   rules across parameters that a schema cannot say (min_amount <= max_amount, ...).
# Schemathesis's own settings: test/contract/schemathesis.toml (431 among the expected statuses).
#
# What it does: builds, brings the stores up (idempotent), makes a scratch database and a
# scratch index prefix, loads the sample into them (import, index rebuild, bulk files),
# serves the API on a spare loopback port with the rate limits turned off, runs
# `st run ... --checks all` with a fixed seed over the phases examples, coverage, fuzzing
# and stateful, then stops the server and drops the scratch data, whatever happened.
# Exit status: Schemathesis's (0 when every check passed).
# Needs: schemathesis 4.x (`pip install schemathesis`), psql, curl.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[contract] %s\n' "$*" >&2; }
die() { printf '[contract] error: %s\n' "$*" >&2; exit 1; }

sample=${1:-${SAMPLE_DIR:-}}
if [ -z "$sample" ]; then
  sample=data/calaccess-sample
fi
[ -d "$sample" ] || die "no sample folder at $sample (pass one: scripts/contract.sh <folder>)"
command -v st >/dev/null || die "schemathesis is missing: pip install schemathesis"
command -v psql >/dev/null || die "psql is missing"

seed=${CONTRACT_SEED:-20261202}
max_examples=${CONTRACT_MAX_EXAMPLES:-25}
max_time=${CONTRACT_MAX_TIME:-900}
workers=${CONTRACT_WORKERS:-2}

base_url=${DATABASE_URL:-postgres://disclosure:disclosure@127.0.0.1:5433/disclosure}
es_url=${ELASTICSEARCH_URL:-http://127.0.0.1:9201}
scratch_db="contract_$$_$(date +%s)"
scratch_url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.href)' "$base_url" "$scratch_db")
prefix="contract-$$-"
work=$(mktemp -d "${TMPDIR:-/tmp}/contract.XXXXXX")
report_dir=${CONTRACT_REPORT_DIR:-$work/report}
server_pid=

cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  curl -fsS -X DELETE "$es_url/${prefix}*?expand_wildcards=all&ignore_unavailable=true&allow_no_indices=true" >/dev/null 2>&1 || say "could not delete indices ${prefix}*"
  psql -q "$base_url" -c "DROP DATABASE IF EXISTS \"$scratch_db\"" >/dev/null 2>&1 || say "could not drop database $scratch_db"
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "build"
npm run --silent build >&2
cli() { node dist/src/cli/main.js "$@"; }

say "stores up"
cli services up >&2

say "scratch database $scratch_db, index prefix $prefix, sample $sample"
psql -q "$base_url" -c "CREATE DATABASE \"$scratch_db\"" >&2
export DATABASE_URL=$scratch_url ES_INDEX_PREFIX=$prefix EXPORT_DIR=$work/exports LOG_LEVEL=warn
unset API_DATABASE_URL
cli db migrate >&2
cli import calaccess "$sample" --rejects "$work/rejects" >&2
cli index rebuild >&2
cli export bulk "$work/exports/bulk" >&2

say "serve"
RATE_LIMIT_PER_MINUTE=0 RATE_LIMIT_EXPENSIVE_PER_MINUTE=0 HOST=127.0.0.1 PORT=0 LOG_LEVEL=info \
  node dist/src/cli/main.js serve 2>"$work/serve.log" &
server_pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o '"url":"http://127.0.0.1:[0-9]*"' "$work/serve.log" 2>/dev/null | head -1 | sed 's/"url":"\(.*\)"/\1/' || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; die "the server did not start"; }
  sleep 0.2
done
[ -n "$url" ] || die "the server did not say where it listens"
curl -fsS "$url/health" >/dev/null || die "$url/health does not answer 200"
say "serving at $url"

say "schemathesis: seed $seed, at most $max_examples cases per operation and phase, at most $max_time s"
config_file="$PWD/test/contract/schemathesis.toml"
if [ -f test/contract/hooks.py ]; then
  export SCHEMATHESIS_HOOKS="$PWD/test/contract/hooks.py"
  say "hooks: $SCHEMATHESIS_HOOKS"
fi
set +e
# From the scratch folder: Schemathesis keeps a cache (.schemathesis/) where it runs.
(cd "$work" && st --config-file "$config_file" run "$url/api/v1/openapi.json" \
  --checks all \
  --phases examples,coverage,fuzzing,stateful \
  --seed "$seed" \
  --max-examples "$max_examples" \
  --max-time "$max_time" \
  --workers "$workers" \
  --request-timeout 30 \
  --suppress-health-check too_slow \
  --report junit,ndjson --report-dir "$report_dir")
st_status=$?
set -e
if [ "$st_status" -ne 0 ]; then
  say "server errors logged during the run:"
  grep -E '"level":"(error|warn)"' "$work/serve.log" | tail -20 >&2 || true
fi
exit "$st_status"
