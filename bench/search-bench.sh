#!/usr/bin/env bash
# Search, detail and price benchmark (issue "Instant search", ADR 0010). For each size N (default 100000 and
# 1000000): generates N spots clustered like a city (bench/generate_spots.py, seed 1) and holds of bookings on 10% of
# them, loads them into a database of the machine's PostgreSQL, starts the product jar on it and measures with wrk
# (closed loop, WRK_CONNECTIONS connections):
#   nearby        bench/search.lua: every request a different nearby search (centres, radii 0.5-25 km, filters, pages)
#   repeated      one nearby URL again and again (what a cache would serve)
#   detail        GET /parking-spots/<id>, random ids
#   price         POST /bookings/calculate-price, random ids and windows
#   window        bench/search.lua with a time window (opening hours, blocks, bookings)
#   nearby-sql, window-sql   the same on the SQL path (PARKINGSPOTS_SEARCH_STRATEGY=knn), for the comparison
# with, per run, server CPU per request (from /proc), the machine's load, and the database work done meanwhile
# (connections taken from the pool, transactions committed, of which catch-ups of the marketplace). Also: the
# marketplace's build time and heap (after a full GC, against the same server without it), a JFR CPU profile of the
# nearby run, the brute-force check (bench/BruteForceCheck.java) against the in-memory path, and freshness across two
# instances with Redis (bench/Freshness.java). Writes bench/results/search-<date>.md.
#
# Usage: bench/search-bench.sh [N ...]
# Needs: wrk (apt-get install -y wrk), psql/createdb (PostgreSQL 15+ with the contrib extensions at PGHOST:PGPORT, user postgres, trust auth),
# redis-server on 127.0.0.1:6379 for the freshness part (REDIS_URL), python3, a JDK 21+. Loopback only; every load run
# is bounded (BENCH_DURATION, default 20s, after BENCH_WARMUP, default 10s).
set -euo pipefail
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000)
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-parkingspots_bench}
PORT=${BENCH_PORT:-8010}
PORT_B=${BENCH_PORT_B:-8011}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-9010}
MGMT_PORT_B=${BENCH_MANAGEMENT_PORT_B:-9011}
REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/15}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${WRK_CONNECTIONS:-64}
THREADS=${WRK_THREADS:-2}
POOL=${BENCH_DB_POOL:-8}
HEAP=${BENCH_HEAP:--Xmx1g}
CHECK_QUERIES=${BENCH_CHECK_QUERIES:-1000}
WORK=bench/target
OWNER=00000000-0000-4000-8000-00000000b001
DATE=$(date -u +%Y-%m-%d)
REPORT=${BENCH_REPORT:-bench/results/search-$DATE.md}
mkdir -p "$WORK" bench/results
SERVER_PID=""
SERVER_B_PID=""

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }
stop_pid() {
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then kill "$1"; wait "$1" 2>/dev/null || true; fi
}
stop_servers() { stop_pid "$SERVER_PID"; SERVER_PID=""; stop_pid "$SERVER_B_PID"; SERVER_B_PID=""; }
trap stop_servers EXIT

# start_server NAME PORT MGMT_PORT [ENV=VALUE ...]: the jar on the bench database; sets LAST_PID
start_server() {
    local name=$1 port=$2 mgmt=$3; shift 3
    env "$@" PORT="$port" \
        DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?options=-c%20jit%3Doff" \
        SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key \
        PARKINGSPOTS_DATA_DIR="$WORK/data" PARKINGSPOTS_DEMO_DATA=false DB_POOL_SIZE=$POOL \
        AUTH_RATE_LIMIT_PER_MINUTE=1000 MANAGEMENT_PORT="$mgmt" \
        MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,metrics,prometheus \
        java -Xms512m $HEAP -XX:+UseParallelGC $JAVA_EXTRA -jar backend/target/parkingspots.jar \
        >"$WORK/server-$name.log" 2>&1 &
    LAST_PID=$!
    for _ in $(seq 1 300); do
        if curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then log "server $name ready"; return; fi
        kill -0 "$LAST_PID" 2>/dev/null || { tail -30 "$WORK/server-$name.log" >&2; exit 1; }
        sleep 0.2
    done
    log "server $name did not get ready"; exit 1
}
JAVA_EXTRA=${BENCH_JAVA_OPTS:-}

metric() { # mgmt-port name [tag] -> first measurement's value
    local url="http://127.0.0.1:$1/actuator/metrics/$2"
    [ -n "${3:-}" ] && url="$url?tag=$3"
    curl -fs "$url" | python3 -c 'import json,sys; print(json.load(sys.stdin)["measurements"][0]["value"])' 2>/dev/null \
        || echo 0
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
xacts() { psql -tA -d "$DB" -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# measure NAME PID MGMT SCRIPT-ARGS...: warm-up, then the measured run; prints one table row
measure() {
    local name=$1 pid=$2 mgmt=$3; shift 3
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s "$@" >/dev/null 2>&1 || true
    local ticks0 xact0 pool0 catch0 load0
    ticks0=$(cpu_ticks "$pid"); xact0=$(xacts)
    pool0=$(metric "$mgmt" hikaricp.connections.usage); catch0=$(metric "$mgmt" parkingspots.spots.marketplace.catchups)
    load0=$(cut -d' ' -f1 /proc/loadavg)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency "$@" >"$WORK/wrk-$N-$name.txt" 2>&1 || true
    local ticks1 xact1 pool1 catch1 load1 result
    ticks1=$(cpu_ticks "$pid"); xact1=$(xacts)
    pool1=$(metric "$mgmt" hikaricp.connections.usage); catch1=$(metric "$mgmt" parkingspots.spots.marketplace.catchups)
    load1=$(cut -d' ' -f1 /proc/loadavg)
    result=$(grep '^RESULT' "$WORK/wrk-$N-$name.txt" | tail -1)
    local requests cpu
    requests=$(field "$result" requests)
    cpu=$(python3 -c "print(round(($ticks1 - $ticks0) * 10.0 / max($requests, 1), 3))") # 100 ticks/s -> ms
    python3 - "$name" "$result" "$cpu" "$((xact1 - xact0))" "$pool0" "$pool1" "$catch0" "$catch1" "$load0" "$load1" <<'PY'
import sys
name, result, cpu, xacts, pool0, pool1, catch0, catch1, load0, load1 = sys.argv[1:]
f = dict(kv.split("=") for kv in result.split()[1:])
p50, p99 = float(f["p50_ms"]), float(f["p99_ms"])
print(f"| {name} | {float(f['rps']):,.0f} | {p50:.2f} | {float(f['p90_ms']):.2f} | {p99:.2f} | {float(f['max_ms']):.1f} "
      f"| {p99 / max(p50, 0.001):.1f} | {f['non2xx']} / {f['timeouts']} | {cpu} | {round(float(pool1) - float(pool0))} "
      f"({round(float(catch1) - float(catch0))} catch-ups) | {xacts} | {load0} → {load1} |")
PY
}

if [ ! -f backend/target/parkingspots.jar ] || [ -n "$(find backend/src backend/pom.xml -newer backend/target/parkingspots.jar -print -quit)" ]; then
    log "building the jar"
    ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true
fi

HEADER="| Run | Requests/s | p50 ms | p90 ms | p99 ms | max ms | p99/p50 | non-2xx / timeouts | server CPU ms/request | pool connections taken | transactions committed | load average (start → end) |
|---|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---|"

{
echo "# Search, detail and price benchmark, $DATE"
echo
echo "Command: \`bench/search-bench.sh ${SIZES[*]}\` at commit \`$(git rev-parse --short HEAD)\`. wrk $THREADS threads,"
echo "$CONNECTIONS connections, ${WARMUP} warm-up then ${DURATION} measured per run; server, PostgreSQL and wrk on one machine."
echo
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; RAM $(free -g | awk '/Mem:/{print $2}') GB; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- PostgreSQL $(psql -tA -d postgres -c 'SHOW server_version') at $PGHOST:$PGPORT (default configuration, \`jit=off\` for the server's sessions); $(java -version 2>&1 | head -1)"
echo "- Server: the product jar, \`$HEAP -XX:+UseParallelGC\`, pool of $POOL connections, \`MANAGEMENT_PORT\` for the counters"
echo "- server CPU per request: the server process's user + system time over the run / requests (other processes excluded)"
echo "- pool connections taken: \`hikaricp.connections.usage\` count during the run (every database access takes one); the"
echo "  marketplace's own catch-ups (every 2 s, or when announced) are counted apart. transactions: \`pg_stat_database.xact_commit\`"
echo "  of the bench database (every session on it, the server's background jobs included)."
echo
} >"$REPORT.part"

for N in "${SIZES[@]}"; do
    CSV=$WORK/spots-$N.csv
    log "== $N spots =="
    dropdb --if-exists "$DB"; createdb "$DB"
    start_server migrate "$PORT" "$MGMT_PORT" PARKINGSPOTS_SEARCH_STRATEGY=knn; SERVER_PID=$LAST_PID
    stop_servers
    [ -f "$CSV" ] || python3 bench/generate_spots.py "$N" "$OWNER" 1 >"$CSV"
    load_started=$(date +%s)
    psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
INSERT INTO users (id, email, full_name, role) VALUES ('$OWNER', 'bench-owner@bench.invalid', 'Bench Owner', 'owner');
ALTER TABLE parking_spots DISABLE TRIGGER parking_spots_changed;
DROP INDEX parking_spots_location; DROP INDEX parking_spots_newest; DROP INDEX parking_spots_owner;
\copy parking_spots (id, owner_id, title, spot_type, vehicle_size, address, city, state, zip_code, country, latitude, longitude, hourly_rate, currency, is_covered, has_ev_charging, is_handicap_accessible, time_zone, created_at) FROM '$CSV' WITH (FORMAT csv)
ALTER TABLE parking_spots ENABLE TRIGGER parking_spots_changed;
SET maintenance_work_mem = '256MB';
CREATE INDEX parking_spots_location ON parking_spots USING gist (ll_to_earth(latitude, longitude)) WHERE is_active AND is_available;
CREATE INDEX parking_spots_newest ON parking_spots (created_at DESC, id DESC) WHERE is_active AND is_available;
CREATE INDEX parking_spots_owner ON parking_spots (owner_id);
-- 10% of the spots are held by one to three bookings in the next 30 days (the window runs must skip them)
ALTER TABLE spot_occupancy DISABLE TRIGGER spot_occupancy_changed;
INSERT INTO spot_occupancy (booking_id, spot_id, period)
SELECT gen_random_uuid(), s.id, tstzrange(t, t + make_interval(hours => 1 + (random() * 8)::int), '[)')
FROM (SELECT id FROM parking_spots TABLESAMPLE BERNOULLI (10) REPEATABLE (1)) s,
     LATERAL (SELECT date_trunc('hour', now()) + make_interval(hours => 1 + (random() * 720)::int) AS t
              FROM generate_series(1, 1 + (random() * 2)::int) WHERE s.id IS NOT NULL) g
ON CONFLICT DO NOTHING;
ALTER TABLE spot_occupancy ENABLE TRIGGER spot_occupancy_changed;
VACUUM ANALYZE parking_spots; VACUUM ANALYZE spot_occupancy;
SQL
    holds=$(psql -tA -d "$DB" -c "SELECT count(*) FROM spot_occupancy")
    log "loaded $N spots and $holds holds in $(( $(date +%s) - load_started )) s"
    shuf -n 100000 --random-source=<(yes) "$CSV" | cut -d, -f1 >"$WORK/ids-$N.txt"
    CENTRE="/api/v1/parking-spots/?latitude=37.9755&longitude=23.7348&radius_km=5"

    # the SQL path first, on a server without the marketplace (also its heap: the baseline of the memory figure)
    start_server sql-$N "$PORT" "$MGMT_PORT" PARKINGSPOTS_SEARCH_STRATEGY=knn; SERVER_PID=$LAST_PID
    sleep 2; jcmd "$SERVER_PID" GC.run >/dev/null
    heap_without=$(metric "$MGMT_PORT" jvm.memory.used area:heap)
    rows_sql=$(measure nearby-sql "$SERVER_PID" "$MGMT_PORT" -s bench/search.lua "http://127.0.0.1:$PORT")
    rows_sql_window=$(measure window-sql "$SERVER_PID" "$MGMT_PORT" -s bench/search.lua "http://127.0.0.1:$PORT" -- window)
    stop_servers

    # the shipped configuration
    started=$(date +%s%N)
    start_server memory-$N "$PORT" "$MGMT_PORT"; SERVER_PID=$LAST_PID
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    build_line=$(grep -o 'Marketplace in memory: .*' "$WORK/server-memory-$N.log" | head -1)
    jcmd "$SERVER_PID" GC.run >/dev/null; sleep 1
    heap_with=$(metric "$MGMT_PORT" jvm.memory.used area:heap)
    model_bytes=$(metric "$MGMT_PORT" parkingspots.spots.marketplace.bytes)
    rows_nearby=$(measure nearby "$SERVER_PID" "$MGMT_PORT" -s bench/search.lua "http://127.0.0.1:$PORT")
    rows_repeated=$(measure repeated "$SERVER_PID" "$MGMT_PORT" -s bench/fixed.lua "http://127.0.0.1:$PORT" -- "$CENTRE")
    rows_detail=$(measure detail "$SERVER_PID" "$MGMT_PORT" -s bench/detail.lua "http://127.0.0.1:$PORT" -- "$PWD/$WORK/ids-$N.txt")
    rows_price=$(measure price "$SERVER_PID" "$MGMT_PORT" -s bench/price.lua "http://127.0.0.1:$PORT" -- "$PWD/$WORK/ids-$N.txt")
    rows_window=$(measure window "$SERVER_PID" "$MGMT_PORT" -s bench/search.lua "http://127.0.0.1:$PORT" -- window)
    # the profile: a run of its own (JFR's profiling settings cost throughput, so this run is not in the table)
    jcmd "$SERVER_PID" JFR.start name=nearby settings=profile >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s -s bench/search.lua "http://127.0.0.1:$PORT" >/dev/null 2>&1 || true
    jcmd "$SERVER_PID" JFR.dump name=nearby filename="$PWD/$WORK/nearby-$N.jfr" >/dev/null
    jcmd "$SERVER_PID" JFR.stop name=nearby >/dev/null
    log "correctness: $CHECK_QUERIES random queries against a brute-force haversine"
    check=$(java bench/BruteForceCheck.java "$CSV" "http://127.0.0.1:$PORT" "$CHECK_QUERIES" 7 | grep '^CHECK' || echo "CHECK failed to run")
    misses=$(metric "$MGMT_PORT" parkingspots.spots.cache.requests cache:search\&tag=result:miss)
    profile=$(python3 bench/jfr_summary.py "$WORK/nearby-$N.jfr" 15 2>/dev/null || echo "(no profile)")
    stop_servers

    # freshness: two instances with Redis
    fresh="(skipped: no Redis at $REDIS)"
    if redis-cli -u "$REDIS" ping >/dev/null 2>&1; then
        redis-cli -u "$REDIS" flushdb >/dev/null
        start_server fresh-a-$N "$PORT" "$MGMT_PORT" REDIS_URL="$REDIS" PARKINGSPOTS_INSTANCE_ID=a; SERVER_PID=$LAST_PID
        start_server fresh-b-$N "$PORT_B" "$MGMT_PORT_B" REDIS_URL="$REDIS" PARKINGSPOTS_INSTANCE_ID=b; SERVER_B_PID=$LAST_PID
        fresh=$(java bench/Freshness.java "http://127.0.0.1:$PORT" "http://127.0.0.1:$PORT_B" 200 | grep '^FRESHNESS' || echo "FRESHNESS failed")
        stop_servers
    fi

    {
    echo "## $N spots"
    echo
    echo "Dataset: $N spots (\`bench/generate_spots.py\`, seed 1: 45% in a dense centre of σ ≈ 2 km, 35% in an urban ring of"
    echo "σ ≈ 7 km, 10% in four satellite centres, 10% in suburbs 10–45 km out) and $holds booking holds on 10% of them."
    echo
    echo "$HEADER"
    echo "$rows_nearby"
    echo "$rows_repeated"
    echo "$rows_detail"
    echo "$rows_price"
    echo "$rows_window"
    echo "$rows_sql"
    echo "$rows_sql_window"
    echo
    echo "- Marketplace: \`$build_line\`; ready (\`/readyz\` 200) $ready_ms ms after the JVM was started."
    echo "- Heap after a full GC: $(python3 -c "print(round($heap_with / 1048576))") MB with the marketplace, $(python3 -c "print(round($heap_without / 1048576))") MB for the same server"
    echo "  without it (\`knn\`): the marketplace takes about $(python3 -c "print(round(($heap_with - $heap_without) / 1048576))") MB (its own estimate: $(python3 -c "print(round($model_bytes / 1048576))") MB)."
    echo "- Searches the database answered during the memory runs: $misses (a window starting more than a day ago would be one)."
    echo "- Correctness: \`$check\`"
    echo "- Freshness, two instances on one Redis (a change of the hourly rate on A until B shows it): \`$fresh\`"
    echo
    echo "CPU profile of nearby searches (a run of its own with JFR's profiling settings, \`bench/jfr_summary.py\`; JFR"
    echo "samples Java code only, so GC, JIT and kernel time are not in these shares):"
    echo '```'
    echo "$profile"
    echo '```'
    echo
    } >>"$REPORT.part"
done
mv "$REPORT.part" "$REPORT"
log "report written to $REPORT"
cat "$REPORT"
