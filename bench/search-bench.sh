#!/usr/bin/env bash
# Nearby-search benchmark: generates N spots clustered like a city, loads them into a dedicated database on the
# machine's PostgreSQL, runs wrk against the real server (GiST KNN, with and without the cache), checks 1,000 random
# queries against a brute-force haversine, measures the plain "haversine + B-tree on (latitude, longitude)" baseline on
# the same data, and writes bench/results/search-<date>.md.
#
# Usage: bench/search-bench.sh [N]            (default 1000000; e.g. 100000 for a quick run)
# Needs: wrk, psql/createdb reaching PostgreSQL 15+ with the contrib extensions (default 127.0.0.1:5432, user postgres,
# trust auth), python3, a JDK 21+. Everything runs on loopback; every load run is bounded (BENCH_DURATION, default 30s).
set -euo pipefail
N=${1:-1000000}
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-parkingspots_bench}
PORT=${BENCH_PORT:-8010}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-9010} # the actuator (cache counters) listens on loopback only
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
POOL=${BENCH_DB_POOL:-8}
CHECK_QUERIES=${BENCH_CHECK_QUERIES:-1000}
WORK=bench/target
CSV=$WORK/spots-$N.csv
OWNER=00000000-0000-4000-8000-00000000b001
DATE=$(date -u +%Y-%m-%d)
REPORT=bench/results/search-$DATE.md
mkdir -p "$WORK" bench/results
SERVER_PID=""

log() { echo "[bench $(date -u +%H:%M:%S)] $*"; }
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT

start_server() { # name, extra env...
    local name=$1; shift
    env "$@" PORT=$PORT \
        DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?options=-c%20jit%3Doff" \
        SECRET_KEY=bench-secret-key-bench-secret-key-bench-secret-key \
        PARKINGSPOTS_DATA_DIR="$WORK/data" PARKINGSPOTS_DEMO_DATA=false DB_POOL_SIZE=$POOL \
        MANAGEMENT_PORT=$MGMT_PORT MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,metrics \
        java -Xms512m -Xmx1g -XX:+UseParallelGC -jar backend/target/parkingspots.jar >"$WORK/server-$name.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        if curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then log "server ($name) up"; return; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/server-$name.log"; exit 1; }
        sleep 1
    done
    log "server did not start"; exit 1
}

run_wrk() { # name, duration
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --timeout 5s -s bench/search.lua \
        "http://127.0.0.1:$PORT" >"$WORK/wrk-$1.txt" 2>&1 || true
    grep '^RESULT' "$WORK/wrk-$1.txt" | tail -1
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

# 1. jar
if [ ! -f backend/target/parkingspots.jar ] || [ -n "$(find backend/src backend/pom.xml -newer backend/target/parkingspots.jar -print -quit)" ]; then
    log "building the jar"
    ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true
fi

# 2. a fresh database, migrated by the server itself
log "creating database $DB on $PGHOST:$PGPORT"
dropdb --if-exists "$DB"
createdb "$DB"
start_server migrate
stop_server

# 3. dataset
load_started=$(date +%s)
log "generating $N spots"
python3 bench/generate_spots.py "$N" "$OWNER" 1 >"$CSV"
generated=$(date +%s)
log "loading"
psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
INSERT INTO users (id, email, full_name, role) VALUES ('$OWNER', 'bench-owner@bench.invalid', 'Bench Owner', 'owner');
DROP INDEX parking_spots_location;
DROP INDEX parking_spots_newest;
DROP INDEX parking_spots_owner;
\copy parking_spots (id, owner_id, title, spot_type, vehicle_size, address, city, state, zip_code, country, latitude, longitude, hourly_rate, currency, is_covered, has_ev_charging, is_handicap_accessible, time_zone, created_at) FROM '$CSV' WITH (FORMAT csv)
SET maintenance_work_mem = '256MB';
CREATE INDEX parking_spots_location ON parking_spots USING gist (ll_to_earth(latitude, longitude)) WHERE is_active AND is_available;
CREATE INDEX parking_spots_newest ON parking_spots (created_at DESC, id DESC) WHERE is_active AND is_available;
CREATE INDEX parking_spots_owner ON parking_spots (owner_id);
VACUUM ANALYZE parking_spots;
SQL
loaded=$(date +%s)
log "loaded $N spots in $((loaded - load_started)) s (generation $((generated - load_started)) s)"
table_size=$(psql -tA -d "$DB" -c "SELECT pg_size_pretty(pg_table_size('parking_spots'))")
gist_size=$(psql -tA -d "$DB" -c "SELECT pg_size_pretty(pg_relation_size('parking_spots_location'))")

# 4. GiST KNN, cache on (the shipped configuration)
start_server knn
log "warm-up"; run_wrk warmup-knn 10s >/dev/null
log "wrk: knn, cache on"; knn=$(run_wrk knn "$DURATION"); echo "$knn"
hit_ratio=$(curl -fs "http://127.0.0.1:$MGMT_PORT/actuator/metrics/parkingspots.spots.cache.hit.ratio?tag=cache:search" \
    | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["measurements"][0]["value"], 4))' || echo n/a)
log "correctness: $CHECK_QUERIES random queries against a brute-force haversine"
check=$(java bench/BruteForceCheck.java "$CSV" "http://127.0.0.1:$PORT" "$CHECK_QUERIES" 7 | tee "$WORK/check.txt" | grep '^CHECK' || true)
echo "$check"
stop_server

# 5. GiST KNN, cache off: the database path alone
start_server knn-nocache SPOT_CACHE_ENTRIES=0
run_wrk warmup-nocache 10s >/dev/null
log "wrk: knn, cache off"; nocache=$(run_wrk knn-nocache "$DURATION"); echo "$nocache"
stop_server

# 6. baseline: haversine over a latitude/longitude box on a B-tree, sorted, cache off
log "baseline: B-tree on (latitude, longitude)"
psql -q -d "$DB" -c "CREATE INDEX bench_lat_lon ON parking_spots (latitude, longitude) WHERE is_active AND is_available" -c "ANALYZE parking_spots"
start_server baseline SPOT_CACHE_ENTRIES=0 PARKINGSPOTS_SEARCH_STRATEGY=baseline
run_wrk warmup-baseline 10s >/dev/null
log "wrk: baseline"; baseline=$(run_wrk baseline "$DURATION"); echo "$baseline"
stop_server

# 7. query plans of one dense-centre query (5 km around Syntagma, first page)
HAV="2*6371.0*asin(least(1.0,sqrt(power(sin(radians(latitude-37.9755)/2),2)+cos(radians(37.9755))*cos(radians(latitude))*power(sin(radians(longitude-23.7348)/2),2))))"
# (third run in one session: the first query of a session also pays for loading catalogs, which a pooled server does not)
KNN_SQL="EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, $HAV AS d FROM parking_spots WHERE is_active AND is_available AND earth_box(ll_to_earth(37.9755,23.7348), 5007.1) @> ll_to_earth(latitude, longitude) ORDER BY ll_to_earth(latitude, longitude) <-> ll_to_earth(37.9755,23.7348) LIMIT 21"
plan_knn=$(psql -tA -d "$DB" -c "SET jit=off" -c "SET enable_bitmapscan=off" -c "SET enable_seqscan=off" -c "$KNN_SQL" -c "SELECT '---'" -c "$KNN_SQL" -c "SELECT '---'" -c "$KNN_SQL" | awk '/^---$/{n++; next} n==2' | grep -E 'Scan|Limit|Order By|Execution|Planning Time|Buffers')
plan_base=$(psql -tA -d "$DB" -c "SET jit=off" -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, $HAV AS d FROM parking_spots WHERE is_active AND is_available AND latitude BETWEEN 37.9755-0.04497 AND 37.9755+0.04497 AND longitude BETWEEN 23.7348-0.0570 AND 23.7348+0.0570 AND $HAV <= 5 ORDER BY $HAV, id LIMIT 20" | grep -E 'Scan|Limit|Sort|Execution|Buffers' | head -8)
psql -q -d "$DB" -c "DROP INDEX bench_lat_lon"

# 8. report
knn_rps=$(field "$knn" rps); nocache_rps=$(field "$nocache" rps); base_rps=$(field "$baseline" rps)
ratio=$(python3 -c "print(round($nocache_rps / max($base_rps, 0.001), 1))")
ratio_cached=$(python3 -c "print(round($knn_rps / max($base_rps, 0.001), 1))")
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
cat >"$REPORT" <<MD
# Nearby search benchmark, $DATE

Command: \`bench/search-bench.sh $N\` (one run; wrk ${DURATION} per configuration after a 10 s warm-up, $THREADS threads,
$CONNECTIONS connections, on the same machine as the server and the database).

## Machine and dataset
- CPU: $cpu, $(nproc) cores (shared with other work while this ran); RAM $(free -g | awk '/Mem:/{print $2}') GB
- PostgreSQL: $(psql -tA -d "$DB" -c 'SHOW server_version') on $PGHOST:$PGPORT (the machine's external server, default
  configuration, \`jit=off\` for the benchmark's sessions); Java: $(java -version 2>&1 | head -1)
- Server: the product jar, \`DATABASE_URL\` to that database, pool of $POOL connections, \`-Xmx1g\`
- Dataset: $N spots around Athens from \`bench/generate_spots.py\` (seed 1): 45% in a dense centre (σ ≈ 2 km), 35% in an
  urban ring (σ ≈ 7 km), 10% in four satellite centres, 10% in suburbs 10–45 km out. Table $table_size, GiST index
  $gist_size. Generated and loaded (COPY, then indexes, then VACUUM ANALYZE) in $((loaded - load_started)) s.
- Load: \`bench/search.lua\`: every request a different nearby search (centre drawn from the same clusters, radius
  0.5–25 km, 25% with a type, 20% a max price, 15% EV, 10% a vehicle size, 10% covered, 10% page 2 or 3; 20 per page).

## Results

| Configuration | Requests/s | p50 ms | p90 ms | p99 ms | max ms | errors (non-2xx / timeouts) |
|---|---:|---:|---:|---:|---:|---|
| GiST KNN (\`earth_box\` + \`<->\`), cache on (shipped) | $(field "$knn" rps) | $(field "$knn" p50_ms) | $(field "$knn" p90_ms) | $(field "$knn" p99_ms) | $(field "$knn" max_ms) | $(field "$knn" non2xx) / $(field "$knn" timeouts) |
| GiST KNN, cache off | $(field "$nocache" rps) | $(field "$nocache" p50_ms) | $(field "$nocache" p90_ms) | $(field "$nocache" p99_ms) | $(field "$nocache" max_ms) | $(field "$nocache" non2xx) / $(field "$nocache" timeouts) |
| Baseline: haversine + B-tree on (latitude, longitude), cache off | $(field "$baseline" rps) | $(field "$baseline" p50_ms) | $(field "$baseline" p90_ms) | $(field "$baseline" p99_ms) | $(field "$baseline" max_ms) | $(field "$baseline" non2xx) / $(field "$baseline" timeouts) |

- Speed-up over the baseline: **${ratio}×** without the cache (${ratio_cached}× with it).
- Search cache hit ratio during the cached run: $hit_ratio (varied queries: the cache is not what makes this fast).
- Correctness: \`$check\` — $CHECK_QUERIES random queries (centres, radii 0.2–60 km, filters, pages 1–5 of 1–50 items)
  compared with a brute-force haversine over all $N spots computed from the CSV in Java, without the database.

## Query plans (5 km around Syntagma, first page of 20)

GiST KNN (as the server runs it: distance order only, bitmap and sequential scans off for the transaction, 21 rows;
the haversine radius check is applied to these rows afterwards):
\`\`\`
$plan_knn
\`\`\`

Baseline:
\`\`\`
$plan_base
\`\`\`
MD
log "report written to $REPORT"
cat "$REPORT"
