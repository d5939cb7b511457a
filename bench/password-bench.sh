#!/usr/bin/env bash
# Password benchmark (ADR 0013), against the real server with the production hashing settings (Argon2id m=19 MiB,
# t=2, p=1; one hashing thread per core, queue 16):
#   1. cost per hash, one thread (bench/HashCost.java): bcrypt 10 and 12, Argon2id at the product's and other settings
#   2. failed sign-ins one after another (bench/OpenLoad.java signin-timing): an unknown email, a known Argon2id account
#      and a known legacy bcrypt account (cost 12, as the previous system stored them), each with a wrong password:
#      their median times should be equal (no user enumeration by timing), except the legacy kind until upgraded
#   3. nearby searches at a fixed rate (open model) alone, then while STORM clients sign in in a closed loop: the
#      searches' p99 should stay within 2x; sign-ins beyond the hashing queue get 503 + Retry-After
# Writes bench/results/passwords-<date>.md (raw output in bench/target/passwords).
#
# Usage: bench/password-bench.sh [--search-rate 200] [--step 30] [--storm 50] [--rounds 100] [--tag TEXT]
# Environment: PGHOST/PGPORT/PGUSER (127.0.0.1:5432, postgres), BENCH_PORT (8012), BENCH_DB (parkingspots_pwbench),
#   BENCH_HEAP (1g), BENCH_HASH_ROUNDS (20), BENCH_REPORT (another report file, e.g. for a smoke run), BENCH_KEEP_DB.
# Needs: psql/createdb/dropdb (PostgreSQL 15+, trust auth), python3, a JDK 21+, curl, unzip; the jar
#   (backend/target/parkingspots.jar, built if missing: rebuild it after changing the code).
set -euo pipefail
cd "$(dirname "$0")/.."
SEARCH_RATE=200
STEP=30
STORM=50
ROUNDS=100
TAG=""
while [ $# -gt 0 ]; do
    case "$1" in
        --search-rate) SEARCH_RATE=$2; shift 2 ;;
        --step) STEP=$2; shift 2 ;;
        --storm) STORM=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --tag) TAG=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-parkingspots_pwbench}
PORT=${BENCH_PORT:-8012}
HEAP=${BENCH_HEAP:-1g}
HASH_ROUNDS=${BENCH_HASH_ROUNDS:-20}
WORK=bench/target/passwords
DATE=$(date -u +%Y-%m-%d)
REPORT=${BENCH_REPORT:-bench/results/passwords-$DATE${TAG:+-$TAG}.md}
URL="http://127.0.0.1:$PORT"
# made by pyca/bcrypt (the previous system's library), cost 12, password "legacy-password-2019" (as in PasswordsTests)
LEGACY_HASH='$2b$12$Xfq4bK.3E7rMYIiAF/DbbeV2to3y4XPjU6SQQpkG6LjlFZzKzkAtC'
KNOWN=bench-renter-0@bench.parkingspots.com
LEGACY=bench-legacy@bench.parkingspots.com
mkdir -p "$WORK" bench/results
SERVER_PID=""
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "[password-bench $(date -u +%H:%M:%S)] $*"; }
sql() { psql -X -tA -d "$DB" "$@"; }
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [ -z "${BENCH_KEEP_DB:-}" ]; then dropdb --if-exists "$DB" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ ! -f backend/target/parkingspots.jar ]; then
    log "building the jar"
    ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true -DskipWeb -pl backend
fi

# 1. cost per hash, before the server runs
log "cost per hash (one thread, $HASH_ROUNDS rounds each)"
rm -rf "$WORK/lib" && mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -o -q -j ../../../../backend/target/parkingspots.jar 'BOOT-INF/lib/*')
java -cp "$WORK/lib/*" bench/HashCost.java "$HASH_ROUNDS" | tee "$WORK/hashcost.txt"

# 2. the server with the production hashing settings
log "creating database $DB on $PGHOST:$PGPORT"
dropdb --if-exists "$DB"
createdb "$DB"
env -u STRIPE_SECRET_KEY -u REDIS_URL PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
    DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?options=-c%20jit%3Doff" \
    SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key \
    PARKINGSPOTS_DATA_DIR="$WORK/data" PARKINGSPOTS_DEMO_DATA=false SMTP_HOST= \
    AUTH_RATE_LIMIT_PER_MINUTE=100000000 ACCESS_TOKEN_EXPIRE_MINUTES=240 \
    java -Xms512m -Xmx"$HEAP" -XX:+UseParallelGC -jar backend/target/parkingspots.jar >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 121); do
    if curl -fs "$URL/readyz" >/dev/null 2>&1; then log "server up"; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log"; exit 1; }
    [ "$i" -lt 121 ] || { log "server did not start ($WORK/server.log)"; exit 1; }
    sleep 1
done
log "dataset: 1 owner, 300 spots around central Athens, 1 renter (Argon2id), 1 legacy account (bcrypt cost 12)"
python3 bench/booking_setup.py "$URL" 1 300 "$WORK" >/dev/null
sql -c "INSERT INTO users (id, email, hashed_password, full_name, role, is_active, is_verified)
        VALUES (gen_random_uuid(), '$LEGACY', '$LEGACY_HASH', 'Bench Legacy', 'renter', true, true)" >/dev/null
known_hash=$(sql -c "SELECT left(hashed_password, 40) FROM users WHERE email = '$KNOWN'")
driver() { java bench/OpenLoad.java "$@"; }
curl -fsS "$URL/api/v1/parking-spots/?latitude=37.98&longitude=23.73" >/dev/null # warm

# 3. failed sign-ins, one after another (wrong passwords: the legacy account is never upgraded here)
log "failed sign-ins: unknown vs known ($ROUNDS rounds)"
driver signin-timing url="$URL" known="$KNOWN,$LEGACY" rounds="$ROUNDS" | tee "$WORK/timing.txt"
[ "$(sql -c "SELECT left(hashed_password, 7) FROM users WHERE email = '$LEGACY'")" = '$2b$12$' ] || { log "legacy hash changed"; exit 1; }

# 4. searches alone, then during a sign-in storm
log "warm-up: 10 s of searches"
driver search url="$URL" rate="$SEARCH_RATE" step=10 >"$WORK/search-warmup.txt"
log "searches at $SEARCH_RATE/s for $STEP s alone, then during a storm of $STORM sign-in clients"
( sleep $((STEP + STEP / 2 + 3)); top -b -n2 -d3 -o %CPU -w 120 | awk '/^top -/{k++} k==2' | sed -n '3p;7,13p' >"$WORK/top-storm.txt" ) &
top_pid=$!
driver search url="$URL" rate="$SEARCH_RATE" step="$STEP" storm="$STORM" email="$KNOWN" password=bench-password-1 | tee "$WORK/storm.txt"
wait "$top_pid" || true

# 5. report
export REPORT DATE SEARCH_RATE STEP STORM ROUNDS HASH_ROUNDS WORK load_start known_hash
export cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" cores="$(nproc)" \
    java_version="$(java -version 2>&1 | head -1)" load_end="$(cut -d' ' -f1-3 /proc/loadavg)" \
    commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo '+local changes')"
python3 - <<'PY'
import os, re
e = os.environ
def results(name):
    out = []
    for line in open(f"{e['WORK']}/{name}"):
        if line.startswith('RESULT '):
            out.append(dict(re.findall(r'(\w+)=("[^"]*"|\S+)', line[7:])))
    return out
def loads(name):
    return re.findall(r'^LOAD (\w+) (.*)$', open(f"{e['WORK']}/{name}").read(), re.M)
hashes = results('hashcost.txt')
timing = results('timing.txt')
storm = results('storm.txt')
alone = next(r for r in storm if r['label'] == 'search-alone')
during = next(r for r in storm if r['label'] == 'search-during-storm')
ratio = float(during['p99_ratio'])
hash_rows = '\n'.join(f"| {h['algorithm'].strip(chr(34))} | {h['hash_cpu_p50_ms']} | {h['hash_wall_p50_ms']} | {h['hash_wall_p90_ms']} | {h['verify_cpu_p50_ms']} | {h['verify_wall_p50_ms']} |" for h in hashes)
names = {'unknown': 'unknown email', }
timing_rows = '\n'.join(f"| {names.get(t['who'], t['who'])} | {t['n']} | {t['mean_ms']} | {t['p50_ms']} | {t['p90_ms']} | {t['p99_ms']} | {t['median_ratio_to_unknown']} |" for t in timing)
known = next(t for t in timing if t['who'].startswith('bench-renter-0'))
enum_ok = 0.8 <= float(known['median_ratio_to_unknown']) <= 1.25
top = open(f"{e['WORK']}/top-storm.txt").read().rstrip() if os.path.exists(f"{e['WORK']}/top-storm.txt") else ''
md = f"""# Password benchmark, {e['DATE']}

Command: `bench/password-bench.sh --search-rate {e['SEARCH_RATE']} --step {e['STEP']} --storm {e['STORM']} --rounds {e['ROUNDS']}`
(commit {e['commit']}). Server: the product jar with the production hashing settings (new hashes
`{e['known_hash']}…`, one hashing thread per core, queue 16), `-Xmx1g -XX:+UseParallelGC`, a fresh database; the same
machine runs the server, PostgreSQL and the drivers. CPU: {e['cpu_model']}, {e['cores']} cores; {e['java_version']}.
Load average when the script started: {e['load_start']}; at the end: {e['load_end']}.

## 1. Cost per hash (one thread, {e['HASH_ROUNDS']} rounds each, `bench/HashCost.java`)

Load average before / after: {' / '.join(l[1] for l in loads('hashcost.txt'))}. CPU time is this thread's, and hardly
depends on other load; wall time does.

| Algorithm | hash CPU p50 ms | hash wall p50 ms | hash wall p90 ms | verify CPU p50 ms | verify wall p50 ms |
|---|---:|---:|---:|---:|---:|
{hash_rows}

## 2. Failed sign-ins: unknown vs known email (`OpenLoad signin-timing`, one at a time, wrong passwords)

{'**Equal**' if enum_ok else '**NOT equal**'} for accounts with Argon2id hashes: median ratio known/unknown
{known['median_ratio_to_unknown']} (accepted: 0.8-1.25). A legacy bcrypt account costs bcrypt's time until its first
successful sign-in replaces the hash (ADR 0013).

| Account | sign-ins | mean ms | p50 ms | p90 ms | p99 ms | median / unknown |
|---|---:|---:|---:|---:|---:|---:|
{timing_rows}

## 3. Searches during a sign-in storm (`OpenLoad search`, open model at {e['SEARCH_RATE']}/s, {e['STEP']} s each)

{'**Within 2x.**' if ratio <= 2 else '**NOT within 2x.**'} Search p99 {alone['p99_ms']} ms alone, {during['p99_ms']} ms
while {e['STORM']} clients signed in in a loop (ratio {during['p99_ratio']}, target <= 2).

| Searches | sent | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
| alone | {alone['sent']} | {alone['achieved_per_s']} | {alone['p50_ms']} | {alone['p90_ms']} | {alone['p99_ms']} | {alone['p999_ms']} | {alone['max_ms']} | {alone['errors']} |
| during the storm | {during['sent']} | {during['achieved_per_s']} | {during['p50_ms']} | {during['p90_ms']} | {during['p99_ms']} | {during['p999_ms']} | {during['max_ms']} | {during['errors']} |

The storm during the second step: {during['signin_200']} successful sign-ins ({during['signin_200_per_s']}/s, p50
{during['signin_p50_ms']} ms, p99 {during['signin_p99_ms']} ms), {during['signin_503']} refused with 503 (hashing queue
full), {during['signin_other']} other answers.

CPU during the storm (`top`, 3 s; 200 % = both cores):
```
{top}
```
"""
open(e['REPORT'], 'w').write(md)
PY
log "report written to $REPORT"
cat "$REPORT"
