#!/usr/bin/env bash
# Booking benchmark, open model: renters book distinct spots and 30-minute slots at FIXED ARRIVAL RATES (one step per
# rate, bench/OpenLoad.java: request i is sent at start + i / rate whatever the latency, and its latency counts from
# then), against the real server on a fresh database of the machine's PostgreSQL. Per step: successful bookings/s,
# latency percentiles, 409s, errors, committed transactions (and statements, when pg_stat_statements is loaded) per
# booking, CPU. Afterwards, by SQL: no two active bookings of a spot overlap, no confirmed booking without its payment,
# no incomplete event publication. Writes bench/results/booking-<date>.md (raw output in bench/target/booking).
#
# Usage: bench/booking-bench.sh [--rates 300,400,450,500] [--step 60] [--renters 200] [--spots 500] [--tag TEXT]
# Environment: PGHOST/PGPORT/PGUSER (127.0.0.1:5432, postgres), BENCH_PORT (8011), BENCH_DB (parkingspots_bookbench),
#   BENCH_DB_POOL (20, the product's default), BENCH_HEAP (1g), BENCH_WARMUP (10 s) at BENCH_WARMUP_RATE (50/s), BENCH_KEEP_DB,
#   BENCH_REPORT (another report file, e.g. for a smoke run).
# Needs: psql/createdb/dropdb reaching PostgreSQL 15+ (trust auth), python3, a JDK 21+, curl; the jar
#   (backend/target/parkingspots.jar, built if missing: rebuild it after changing the code).
# Targets (issue 17): capacity >= 400 successful bookings/s (highest rate sustained for a 60 s step with errors < 0.1 %),
#   p99 <= 100 ms at an offered 300/s, 0 overlapping pairs, 0 lost payments or event publications.
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=300,400,450,500
STEP=60
RENTERS=200
SPOTS=500
TAG=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rates) RATES=$2; shift 2 ;;
        --step) STEP=$2; shift 2 ;;
        --renters) RENTERS=$2; shift 2 ;;
        --spots) SPOTS=$2; shift 2 ;;
        --tag) TAG=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-parkingspots_bookbench}
PORT=${BENCH_PORT:-8011}
POOL=${BENCH_DB_POOL:-20}
HEAP=${BENCH_HEAP:-1g}
WARMUP=${BENCH_WARMUP:-10}
WARMUP_RATE=${BENCH_WARMUP_RATE:-50}
WORK=bench/target/booking
DATE=$(date -u +%Y-%m-%d)
REPORT=${BENCH_REPORT:-bench/results/booking-$DATE${TAG:+-$TAG}.md}
mkdir -p "$WORK" bench/results
rm -f "$WORK"/step-*.txt
SERVER_PID=""
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "[booking-bench $(date -u +%H:%M:%S)] $*"; }
sql() { psql -X -tA -d "$DB" "$@"; }
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [ -z "${BENCH_KEEP_DB:-}" ]; then dropdb --if-exists "$DB" 2>/dev/null || true; fi
}
trap cleanup EXIT

# 1. jar
if [ ! -f backend/target/parkingspots.jar ]; then
    log "building the jar"
    ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true -DskipWeb -pl backend
fi

# 2. a fresh database, migrated by the server at start-up; pg_stat_statements when the server preloads it
log "creating database $DB on $PGHOST:$PGPORT"
dropdb --if-exists "$DB"
createdb "$DB"
STATEMENTS=""
if psql -X -tA -d "$DB" -c "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
    sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null && STATEMENTS=yes
fi

# 3. the server: offline payments (bookings are confirmed at once, with a payment row recorded after commit),
# loopback only, auth rate limits out of the way of the setup, cheap Argon2 for the setup's 2 x (RENTERS + 1) hashes
# (the booking path never hashes a password)
env -u STRIPE_SECRET_KEY -u REDIS_URL PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
    DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?options=-c%20jit%3Doff" \
    SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key \
    PARKINGSPOTS_DATA_DIR="$WORK/data" PARKINGSPOTS_DEMO_DATA=false SMTP_HOST= DB_POOL_SIZE=$POOL \
    AUTH_RATE_LIMIT_PER_MINUTE=100000 ACCESS_TOKEN_EXPIRE_MINUTES=240 \
    PARKINGSPOTS_IDENTITY_PASSWORDS_ARGON2_MEMORYKIB=64 PARKINGSPOTS_IDENTITY_PASSWORDS_ARGON2_ITERATIONS=1 \
    java -Xms512m -Xmx"$HEAP" -XX:+UseParallelGC -jar backend/target/parkingspots.jar >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 121); do
    if curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then log "server up"; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server.log"; exit 1; }
    [ "$i" -lt 121 ] || { log "server did not start ($WORK/server.log)"; exit 1; }
    sleep 1
done

# 4. dataset through the API: one owner with SPOTS spots, RENTERS renters with an access token each
log "creating 1 owner, $SPOTS spots and $RENTERS renters through the API"
setup_started=$(date +%s)
python3 bench/booking_setup.py "http://127.0.0.1:$PORT" "$RENTERS" "$SPOTS" "$WORK"
setup_seconds=$(( $(date +%s) - setup_started ))

# slots start at a whole hour 7 days ahead (30 minutes each); the warm-up books slots 200 days later
BASE=$(( ($(date +%s) / 3600 + 7 * 24) * 3600 ))
base_iso=$(date -u -d "@$BASE" +%Y-%m-%dT%H:%MZ)
driver() { java bench/OpenLoad.java bookings url="http://127.0.0.1:$PORT" tokens="$WORK/tokens.txt" spots="$WORK/spots.txt" "$@"; }

# 5. warm-up (JIT, pools), not measured
log "warm-up: ${WARMUP} s at $WARMUP_RATE bookings/s"
driver base=$((BASE + 200 * 24 * 3600)) rates="$WARMUP_RATE" step="$WARMUP" label=warmup >"$WORK/warmup.txt" 2>&1 || { cat "$WORK/warmup.txt"; exit 1; }
grep '^RESULT' "$WORK/warmup.txt" || true
sleep 2

# 6. one step per rate; transactions (and statements) counted by PostgreSQL around each
commits() { sql -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"; }
statements() { if [ -n "$STATEMENTS" ]; then sql -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"; else echo 0; fi; }
offset=0
n=0
for rate in ${RATES//,/ }; do
    n=$((n + 1))
    out="$WORK/step-$n.txt"
    sleep 11 # PostgreSQL flushes an idle backend's statistics within 10 s
    # the background's own transactions (job scheduler's polls, marketplace catch-ups, these queries) over 10 idle s
    ca=$(commits); sleep 10; c0=$(commits); s0=$(statements); l0=$(cut -d' ' -f1-3 /proc/loadavg); t0=$(date +%s)
    log "step $n: $rate bookings/s for $STEP s"
    ( sleep $((STEP / 2)); top -b -n2 -d3 -o %CPU -w 120 | awk '/^top -/{k++} k==2' | sed -n '3p;7,13p' >"$WORK/top-$n.txt" ) &
    top_pid=$!
    driver base="$BASE" rates="$rate" step="$STEP" offset="$offset" label="step$n" >"$out" 2>&1 || { cat "$out"; exit 1; }
    wait "$top_pid" || true
    grep '^RESULT' "$out"
    offset=$(grep '^RESULT' "$out" | tr ' ' '\n' | grep '^next_index=' | cut -d= -f2)
    # the step's after-commit work (payments, realtime) drains, then its statistics are flushed
    for _ in $(seq 1 60); do
        [ "$(sql -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ] && break
        sleep 1
    done
    sleep 11
    c1=$(( $(commits) - 1 )); s1=$(statements); l1=$(cut -d' ' -f1-3 /proc/loadavg); t1=$(date +%s)
    echo "DB transactions=$((c1 - c0)) idle_transactions_per_s=$(python3 -c "print(round(($c0 - $ca - 1) / 10, 2))") window_s=$((t1 - t0)) statements=$((s1 - s0)) load_before=${l0// /_} load_after=${l1// /_}" >>"$out"
done

# 7. correctness by SQL, on the whole table (warm-up included)
log "waiting for the last event publications"
for _ in $(seq 1 120); do
    [ "$(sql -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ] && break
    sleep 1
done
ACTIVE="('pending', 'confirmed', 'in_progress')"
overlaps=$(sql -c "
    SELECT count(*) FROM bookings a JOIN bookings b
      ON a.parking_spot_id = b.parking_spot_id AND a.id < b.id
     AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)')
    WHERE a.status IN $ACTIVE AND b.status IN $ACTIVE")
missing_payments=$(sql -c "SELECT count(*) FROM bookings b WHERE b.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id)")
orphan_payments=$(sql -c "SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.id = p.booking_id)")
incomplete=$(sql -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
missing_holds=$(sql -c "SELECT count(*) FROM bookings b WHERE b.status IN $ACTIVE AND NOT EXISTS (SELECT 1 FROM spot_occupancy o WHERE o.booking_id = b.id)")
missing_tasks=$(sql -c "SELECT count(*) FROM bookings b WHERE b.status = 'confirmed' AND (SELECT count(*) FROM scheduled_tasks t WHERE t.task_instance = b.id::text) <> 2")
rows=$(sql -c "SELECT count(*) FROM bookings")
by_status=$(sql -F' ' -c "SELECT status || '=' || count(*) FROM bookings GROUP BY status ORDER BY 1" | paste -sd' ')
constraint=$(sql -c "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'no_overlapping_bookings'")
pg_version=$(sql -c 'SHOW server_version')
sync_commit=$(sql -c 'SHOW synchronous_commit')
log "overlaps=$overlaps missing_payments=$missing_payments incomplete_publications=$incomplete rows=$rows ($by_status)"

# 8. report
export REPORT DATE RATES STEP RENTERS SPOTS WORK base_iso setup_seconds load_start overlaps missing_payments \
    orphan_payments incomplete missing_holds missing_tasks rows by_status constraint pg_version sync_commit POOL HEAP \
    STATEMENTS TAG
export cpu_model="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" cores="$(nproc)" \
    ram="$(free -g | awk '/Mem:/{print $2}')" java_version="$(java -version 2>&1 | head -1)" \
    commit="$(git rev-parse --short HEAD)$(git diff --quiet || echo '+local changes')"
python3 - <<'PY'
import os, glob, re
e = os.environ
steps = []
for path in sorted(glob.glob(f"{e['WORK']}/step-*.txt"), key=lambda p: int(re.search(r'step-(\d+)', p).group(1))):
    text = open(path).read()
    res = dict(kv.split('=', 1) for kv in re.search(r'^RESULT (.*)$', text, re.M).group(1).split())
    db = dict(kv.split('=', 1) for kv in re.search(r'^DB (.*)$', text, re.M).group(1).split())
    n = re.search(r'step-(\d+)', path).group(1)
    top = open(f"{e['WORK']}/top-{n}.txt").read().rstrip() if os.path.exists(f"{e['WORK']}/top-{n}.txt") else ''
    samples = re.findall(r'^SAMPLE (.*)$', text, re.M)
    steps.append((res, db, top, samples))

def f(x): return float(x)
rows, capacity, p99_at_300 = [], None, None
for res, db, top, samples in steps:
    sent = int(res['sent']); errors = int(res['errors']); created = int(res['created'])
    err_pct = 100.0 * errors / max(sent, 1)
    sustained = err_pct < 0.1 and f(res['p99_ms']) < 1000
    if sustained and (capacity is None or f(res['created_per_s']) > f(capacity['created_per_s'])):
        capacity = res
    if abs(f(res['offered_per_s']) - 300) < 0.5:
        p99_at_300 = f(res['p99_ms'])
    background = float(db['idle_transactions_per_s']) * int(db['window_s'])
    tx = max(0.0, int(db['transactions']) - background) / max(created, 1)
    st = (int(db['statements']) / max(created, 1)) if e['STATEMENTS'] else None
    rows.append(f"| {res['offered_per_s']} | {res['created_per_s']} | {res['p50_ms']} | {res['p90_ms']} | {res['p99_ms']} | "
                f"{res['p999_ms']} | {res['max_ms']} | {created} | {res['conflicts']} of {res['duplicates_sent']} | {errors} ({err_pct:.3f} %) | "
                f"{tx:.2f} | {'%.1f' % st if st is not None else 'n/a'} | {'yes' if sustained else 'no'} |")
cap_val = f(capacity['created_per_s']) if capacity else 0
checks_ok = all(e[k] == '0' for k in ('overlaps', 'missing_payments', 'orphan_payments', 'incomplete', 'missing_holds', 'missing_tasks'))
verdict = []
verdict.append(('met' if cap_val >= 400 else 'NOT met') + f": capacity {cap_val} successful bookings/s"
               + (f" (offered {capacity['offered_per_s']}/s)" if capacity else "") + " (target >= 400)")
verdict.append(('not measured' if p99_at_300 is None else ('met' if p99_at_300 <= 100 else 'NOT met'))
               + f": p99 at an offered 300/s {p99_at_300 if p99_at_300 is not None else '-'} ms (target <= 100 ms)")
verdict.append(('met' if checks_ok else 'NOT met') + ": database checks all 0")
all_met = cap_val >= 400 and p99_at_300 is not None and p99_at_300 <= 100 and checks_ok
detail = []
for res, db, top, samples in steps:
    detail.append(f"### {res['offered_per_s']} bookings/s offered\n\n- load average before / after: "
                  f"{db['load_before'].replace('_', ' ')} / {db['load_after'].replace('_', ' ')}; driver's late sends "
                  f"(> 10 ms behind schedule): {res['late_sends']}; timeouts or I/O errors: {res['timeouts_or_io_errors']}\n"
                  f"- committed transactions in the database during the step (all sessions, so the scheduler's polls "
                  f"and the marketplace's catch-ups too): {db['transactions']} in {db['window_s']} s, of which about "
                  f"{float(db['idle_transactions_per_s']) * int(db['window_s']):.0f} are the background's (its rate over "
                  f"10 idle seconds before the step: {db['idle_transactions_per_s']}/s)"
                  + (f"; statements: {db['statements']}" if e['STATEMENTS'] else "") + "\n"
                  + (f"- first unexpected responses: {'; '.join('`'+s+'`' for s in samples)}\n" if samples else "")
                  + f"- CPU (`top`, 3 s in the middle of the step; 200 % = both cores):\n```\n{top}\n```\n")
stmt_note = ("statements counted by pg_stat_statements" if e['STATEMENTS'] else
             "statements: pg_stat_statements is not preloaded on this server (`shared_preload_libraries`), so only "
             "transactions are counted here; the per-booking statements are counted at the JDBC level by "
             "`BookingTransactionBoundaryTests` (ADR 0014)")
md = f"""# Booking benchmark, {e['DATE']}

Command: `bench/booking-bench.sh --rates {e['RATES']} --step {e['STEP']} --renters {e['RENTERS']} --spots {e['SPOTS']}`
(commit {e['commit']}). Open model: `bench/OpenLoad.java bookings` sends each request at its due time (start + i / rate)
whatever the latency, and measures latency from that due time, so queueing in the server counts. One step per rate
after a warm-up; the same machine runs the server, PostgreSQL and the driver.

## Machine and dataset
- CPU: {e['cpu_model']}, {e['cores']} cores; RAM {e['ram']} GB; load average (1/5/15 min) when the script started:
  {e['load_start']} (per step below)
- PostgreSQL: {e['pg_version']} on the machine (`synchronous_commit={e['sync_commit']}`, `jit=off` for the server's
  sessions); Java: {e['java_version']}
- Server: the product jar, offline payments (bookings `confirmed` at once; the payment recorded after commit), pool of
  {e['POOL']} connections, `-Xmx{e['HEAP']} -XX:+UseParallelGC`, a fresh database (dropped afterwards)
- Dataset, created through the API by `bench/booking_setup.py` in {e['setup_seconds']} s: 1 owner, {e['SPOTS']} spots (no
  operating hours or rules), {e['RENTERS']} renters, each signed in once.
- Load: `POST /api/v1/bookings/`, 30-minute slots from {e['base_iso']} on; request g books spot g mod {e['SPOTS']}, slot
  g / {e['SPOTS']}, as renter g mod {e['RENTERS']}; every 50th request repeats the one 25 before with another renter
  (a deliberate double booking: 409 expected).

## Results

{'**Targets met.**' if all_met else '**Targets not met.**'} {'; '.join(verdict)}.

"Sustained" = errors (anything but 201 and 409, timeouts included) < 0.1 % of the requests sent and p99 < 1 s (the
server kept up with the arrival rate rather than building a queue). Capacity = the highest successful-bookings/s of a
sustained step. Latencies over all requests (201 and 409 alike), from their due time.

| Offered/s | Successful bookings/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | 201 | 409 (of deliberate duplicates) | errors | transactions per booking | statements per booking | sustained |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
{chr(10).join(rows)}

Database checks after the run (whole table, warm-up included; the server waited until every event publication was
complete): **{e['overlaps']}** overlapping pairs of active bookings of a spot; **{e['missing_payments']}** confirmed
bookings without a payment; **{e['orphan_payments']}** payments without a booking; **{e['incomplete']}** incomplete
event publications; **{e['missing_holds']}** active bookings without their `spot_occupancy` hold; **{e['missing_tasks']}**
confirmed bookings without their two lifecycle tasks. Rows: {e['rows']} ({e['by_status']}). The guarantee:
`no_overlapping_bookings {e['constraint']}`, plus a per-spot advisory lock taken in the booking's insert.

Transactions per booking = (committed + rolled-back transactions of the database from the step's start until its
after-commit work drained, less the background's rate measured just before the step) / 201s ({stmt_note}).

{chr(10).join(detail)}"""
open(e['REPORT'], 'w').write(md)
PY
log "report written to $REPORT"
cat "$REPORT"
