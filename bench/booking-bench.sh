#!/usr/bin/env bash
# Booking benchmark: many renters booking distinct spots and 30-minute slots concurrently against the real server on a
# dedicated database of the machine's PostgreSQL; then proves by SQL that no two active bookings of a spot overlap,
# and writes bench/results/booking-<date>.md.
#
# Usage: bench/booking-bench.sh [RENTERS] [SPOTS]      (defaults 200 renters, 500 spots)
# Needs: wrk, psql/createdb/dropdb reaching PostgreSQL 15+ (default 127.0.0.1:5432, user postgres, trust auth), python3,
# a JDK 21+. Everything runs on loopback; the load run is bounded (BENCH_DURATION, default 20s).
# Target (the bookings issue): >= 300 successful bookings/s with p99 < 100 ms, and zero overlaps.
set -euo pipefail
RENTERS=${1:-200}
SPOTS=${2:-500}
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-parkingspots_bookbench}
PORT=${BENCH_PORT:-8011}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
POOL=${BENCH_DB_POOL:-20} # the product's default DB_POOL_SIZE
WORK=bench/target/booking
DATE=$(date -u +%Y-%m-%d)
REPORT=bench/results/booking-$DATE.md
mkdir -p "$WORK" bench/results
SERVER_PID=""
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "[booking-bench $(date -u +%H:%M:%S)] $*"; }
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [ -z "${BENCH_KEEP_DB:-}" ]; then dropdb --if-exists "$DB" 2>/dev/null || true; fi
}
trap cleanup EXIT

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# 1. jar
if [ ! -f backend/target/parkingspots.jar ]; then
    log "building the jar"
    ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true -DskipWeb -pl backend
fi

# 2. a fresh database, migrated by the server at start-up
log "creating database $DB on $PGHOST:$PGPORT"
dropdb --if-exists "$DB"
createdb "$DB"

# 3. the server: offline payments (no STRIPE_SECRET_KEY: bookings are confirmed at once), loopback only, auth rate
# limits out of the way of the setup, cheap password hashes for the setup's 2 x (RENTERS + 1) bcrypt calls (the
# booking path never hashes a password)
env -u STRIPE_SECRET_KEY -u REDIS_URL PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
    DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?options=-c%20jit%3Doff" \
    SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key \
    PARKINGSPOTS_DATA_DIR="$WORK/data" PARKINGSPOTS_DEMO_DATA=false SMTP_HOST= DB_POOL_SIZE=$POOL \
    AUTH_RATE_LIMIT_PER_MINUTE=100000 PARKINGSPOTS_IDENTITY_BCRYPTCOST=4 ACCESS_TOKEN_EXPIRE_MINUTES=120 \
    java -Xms512m -Xmx1g -XX:+UseParallelGC -jar backend/target/parkingspots.jar >"bench/target/server-booking.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 121); do
    if curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then log "server up"; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 bench/target/server-booking.log; exit 1; }
    [ "$i" -lt 121 ] || { log "server did not start (bench/target/server-booking.log)"; exit 1; }
    sleep 1
done

# 4. dataset through the API: one owner with SPOTS spots, RENTERS renters with an access token each
log "creating 1 owner, $SPOTS spots and $RENTERS renters through the API"
setup_started=$(date +%s)
python3 bench/booking_setup.py "http://127.0.0.1:$PORT" "$RENTERS" "$SPOTS" "$WORK"
setup_seconds=$(( $(date +%s) - setup_started ))

# slots start at a whole hour 7 days ahead: in the future, whole minutes, 30 minutes each
BASE=$(( ($(date +%s) / 3600 + 7 * 24) * 3600 ))
base_iso=$(date -u -d "@$BASE" +%Y-%m-%dT%H:%MZ)

# 5. warm-up on slots a year later (own range, so it cannot collide with the measured run), then the run
log "warm-up (10 s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s --timeout 5s -s bench/booking.lua "http://127.0.0.1:$PORT" \
    -- "$WORK" $((BASE + 365 * 24 * 3600)) "$THREADS" >"$WORK/wrk-warmup.txt" 2>&1 || true
warm=$(grep '^RESULT' "$WORK/wrk-warmup.txt" | tail -1 || true)
log "warm-up: $warm"
sleep 2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 5s --latency -s bench/booking.lua http://127.0.0.1:$PORT -- $WORK $BASE $THREADS"
commits() { psql -tA -d "$DB" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }
commits_before=$(commits)
log "run: $CMD"
# who uses the 2 cores: a 3-second top sample from the middle of the run
( sleep 8; top -b -n2 -d3 -o %CPU -w 120 | awk '/^top -/{n++} n==2' | sed -n '3p;7,13p' >"$WORK/top.txt" ) &
TOP_PID=$!
$CMD >"$WORK/wrk-run.txt" 2>&1 || true
wait "$TOP_PID" || true
sleep 11 # PostgreSQL 15 flushes an idle backend's statistics within 10 s
commits_after=$(( $(commits) - 1 ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
run=$(grep '^RESULT' "$WORK/wrk-run.txt" | tail -1 || true)
other_sample=$(grep '^OTHER_SAMPLE' "$WORK/wrk-run.txt" | tail -1 | cut -d' ' -f2- || true)
echo "$run"
[ -n "$run" ] || { cat "$WORK/wrk-run.txt"; exit 1; }
dist=$(sed -n '/Latency Distribution/,/requests in/p' "$WORK/wrk-run.txt" | grep '%' || true)

# 6. correctness by SQL, on the whole table (warm-up included): no two active bookings of a spot overlap
ACTIVE="('pending', 'confirmed', 'in_progress')"
overlaps=$(psql -tA -d "$DB" -c "
    SELECT count(*) FROM bookings a JOIN bookings b
      ON a.parking_spot_id = b.parking_spot_id AND a.id < b.id
     AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)')
    WHERE a.status IN $ACTIVE AND b.status IN $ACTIVE")
rows=$(psql -tA -d "$DB" -c "SELECT count(*) FROM bookings")
run_rows=$(psql -tA -d "$DB" -c "SELECT count(*) FROM bookings WHERE start_time < to_timestamp($BASE + 300 * 24 * 3600)")
by_status=$(psql -tA -F' ' -d "$DB" -c "SELECT status || '=' || count(*) FROM bookings GROUP BY status ORDER BY 1" | paste -sd' ')
spots_used=$(psql -tA -d "$DB" -c "SELECT count(DISTINCT parking_spot_id) FROM bookings")
renters_used=$(psql -tA -d "$DB" -c "SELECT count(DISTINCT user_id) FROM bookings")
constraint=$(psql -tA -d "$DB" -c "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'no_overlapping_bookings'")
log "overlaps=$overlaps rows=$rows (measured run $run_rows) $by_status"

# 7. report
created=$(field "$run" created); conflicts=$(field "$run" conflicts); other=$(field "$run" other)
cps=$(field "$run" created_per_s); p99=$(field "$run" p99_ms)
verdict=$(python3 -c "
ok_rate = $cps >= 300; ok_p99 = $p99 < 100; ok_overlap = $overlaps == 0
parts = []
parts.append(('met' if ok_rate else 'NOT met') + ': $cps successful bookings/s (target >= 300)')
parts.append(('met' if ok_p99 else 'NOT met') + ': p99 $p99 ms (target < 100 ms)')
parts.append(('met' if ok_overlap else 'NOT met') + ': $overlaps overlapping pairs (target 0)')
print(('**Target met.** ' if ok_rate and ok_p99 and ok_overlap else '**Target not met.** ') + '; '.join(parts) + '.')")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
cat >"$REPORT" <<MD
# Booking benchmark, $DATE

Command: \`bench/booking-bench.sh $RENTERS $SPOTS\` (one run: wrk ${DURATION} after a 10 s warm-up, $THREADS threads,
$CONNECTIONS connections, on the same machine as the server and the database). The measured wrk command:
\`$CMD\`

## Machine and dataset
- CPU: $cpu, $(nproc) cores (shared with other work while this ran); RAM $(free -g | awk '/Mem:/{print $2}') GB;
  load average (1/5/15 min) when the script started: $load_start; just before the measured run (after the setup and
  the warm-up, so partly this benchmark's own): $load_before; just after: $load_after
- PostgreSQL: $(psql -tA -d "$DB" -c 'SHOW server_version') on $PGHOST:$PGPORT (the machine's external server, default
  configuration, \`jit=off\` for the server's sessions); Java: $(java -version 2>&1 | head -1)
- Server: the product jar, offline payments (bookings are \`confirmed\` at once, with a payment row), pool of $POOL
  connections (the default), \`-Xmx1g\`, its own fresh database \`$DB\` (dropped afterwards)
- Dataset, created through the API by \`bench/booking_setup.py\` in $setup_seconds s: 1 owner, $SPOTS spots (no
  operating hours or rules), $RENTERS renters, each logged in once.
- Load: \`bench/booking.lua\`: \`POST /api/v1/bookings/\`, 30-minute slots from $base_iso on; request \`g\` books spot
  \`g mod $SPOTS\`, slot \`floor(g / $SPOTS)\`, as renter \`g mod $RENTERS\`, so the spots rotate and no two requests
  ask for the same slot of a spot, except every 50th request of a thread, which repeats that thread's request from 25
  earlier with another renter: a deliberate double booking that must get 409. Warm-up used slots a year later.

## Results

$verdict

| Successful bookings/s | Requests/s | p50 ms | p90 ms | p99 ms | max ms | 201 | 409 | other | timeouts / socket errors |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
| $cps | $(field "$run" rps) | $(field "$run" p50_ms) | $(field "$run" p90_ms) | $(field "$run" p99_ms) | $(field "$run" max_ms) | $created | $conflicts | $other | $(field "$run" timeouts) / $(( $(field "$run" connect_errors) + $(field "$run" read_errors) + $(field "$run" write_errors) )) |

- Latencies are over all requests (201 and 409 alike), from wrk's \`--latency\` distribution:
\`\`\`
$dist
\`\`\`
- CPU during the run (\`top\`, 3 s sample from the middle of the run; 200% = both cores):
\`\`\`
$(cat "$WORK/top.txt" 2>/dev/null)
\`\`\`
- Database transactions committed during the run (all sessions, so the pool's housekeeping and the scheduler too): $((commits_after - commits_before)), i.e.
  $(python3 -c "print(round(($commits_after - $commits_before) / max($created, 1), 2))") per successful booking.
- Deliberate double bookings sent: $(field "$run" duplicates_sent) (409s received: $conflicts).${other_sample:+ First non-201/409 response: \`$other_sample\`.}
- Overlap check (SQL over the whole table after the run, warm-up included): **$overlaps** pairs of active bookings of
  the same spot whose \`[start, end)\` ranges overlap. Rows: $rows ($by_status), $run_rows of them from the measured
  run (201s counted by wrk: $created), on $spots_used spots, by $renters_used renters.
- The guarantee behind it: \`no_overlapping_bookings $constraint\`, plus a per-spot advisory lock that
  queues concurrent bookings of one spot.
MD
log "report written to $REPORT"
cat "$REPORT"
