#!/usr/bin/env bash
# Load-test suite: a realistic mixed marketplace workload (Gatling, Java DSL, open model: visitors arrive at fixed
# rates whatever the server's latency) against the real server on a dataset of N spots, at several offered rates up
# to saturation; or a soak run at one rate. Writes Gatling's HTML report and a Markdown summary with an SVG chart:
#   bench/results/load-<date>-<N>.md   (rates)        bench/results/soak-<date>.md   (--soak)
#
# Usage:
#   bench/load-test.sh [--spots 100000] [--rates 25,50,100,150,200] [--step 60]
#   bench/load-test.sh --spots 100000 --soak 30m [--soak-rate R]   (default R: 70% of the saturation measured last)
# Options:
#   --spots N          dataset size (database parkingspots_load_<N>; generated once, reused while N matches)
#   --rates R,...      offered requests/s per step; --step S seconds per step (default 60)
#   --soak D           one long step (e.g. 30m, 45m, 1h) at --soak-rate req/s; memory sampled every 10 s
#   --url URL          load an already running server or cluster instead of starting the jar (it must serve the
#                      dataset's database, e.g. PG_DATABASE=parkingspots_load_100000 deploy/local-cluster.sh up)
#   --metrics-url URL  the server's actuator metrics (default: the started jar's loopback management port,
#                      http://127.0.0.1:$BENCH_MANAGEMENT_PORT/actuator/metrics; with --url, give it or get no counters)
#   --dashboard FILE   while the measured run goes on, watch the admin live dashboard in Chromium (the started jar has
#                      an admin, bench-admin@bench.parkingspots.com) and save a screenshot of it near the end to FILE
#   --renters K        renters able to sign in (default 1000)
#   --tag TEXT         added to the report's file name (e.g. "cluster")
#   --prepare-only     prepare (or check) the dataset and stop
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432, postgres), BENCH_PORT (8020), BENCH_DB_POOL (20),
#   BENCH_HEAP (1g), BENCH_BCRYPT_COST (12; only verifies legacy hashes now: new ones are Argon2id, ADR 0013),
#   BENCH_P99_MS (500) and BENCH_MAX_ERRORS_PCT (1):
#   the saturation criteria, BENCH_WARMUP (20 s).
# Needs: psql/createdb/dropdb reaching PostgreSQL 15+ with the contrib extensions, python3, a JDK 21+, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

N=100000
RATES=25,50,100,150,200
STEP=60
SOAK=""
SOAK_RATE=""
URL=""
METRICS_URL="unset"
DASHBOARD=""
RENTERS=1000
TAG=""
PREPARE_ONLY=""
while [ $# -gt 0 ]; do
    case "$1" in
        --spots) N=$2; shift 2 ;;
        --rates) RATES=$2; shift 2 ;;
        --step) STEP=$2; shift 2 ;;
        --soak) SOAK=$2; shift 2 ;;
        --soak-rate) SOAK_RATE=$2; shift 2 ;;
        --url) URL=$2; shift 2 ;;
        --metrics-url) METRICS_URL=$2; shift 2 ;;
        --dashboard) DASHBOARD=$2; shift 2 ;;
        --renters) RENTERS=$2; shift 2 ;;
        --tag) TAG=$2; shift 2 ;;
        --prepare-only) PREPARE_ONLY=yes; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

DB=${BENCH_DB:-parkingspots_load_$N}
PORT=${BENCH_PORT:-8020}
MGMT_PORT=${BENCH_MANAGEMENT_PORT:-9020} # the actuator of the started jar, on loopback only
ADMIN_EMAIL=bench-admin@bench.parkingspots.com
POOL=${BENCH_DB_POOL:-20}
HEAP=${BENCH_HEAP:-1g}
BCRYPT_COST=${BENCH_BCRYPT_COST:-12}
P99_MS=${BENCH_P99_MS:-500}
MAX_ERR=${BENCH_MAX_ERRORS_PCT:-1}
WARMUP=${BENCH_WARMUP:-20}
PASSWORD=bench-password-1
OWNER=00000000-0000-4000-8000-00000000b001
DATE=$(date -u +%Y-%m-%d)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=bench/target/load
RAW=bench/results/raw
mkdir -p "$WORK" "$RAW" bench/results
SERVER_PID=""
SAMPLER_PID=""
STARTED_SERVER=""
if [ -z "$URL" ]; then URL="http://127.0.0.1:$PORT"; STARTED_SERVER=yes; fi
if [ "$METRICS_URL" = unset ]; then
    if [ -n "$STARTED_SERVER" ]; then METRICS_URL="http://127.0.0.1:$MGMT_PORT/actuator/metrics"; else METRICS_URL=""; fi
fi
if [ -n "$SOAK" ]; then MODE=soak; RUN="$RAW/soak-$STAMP"; else MODE=load; RUN="$RAW/load-$STAMP-$N"; fi
mkdir -p "$RUN"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "[load-test $(date -u +%H:%M:%S)] $*"; }
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
cleanup() {
    if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
    stop_server
}
trap cleanup EXIT

start_server() { # name
    PORT=$PORT SERVER_ADDRESS=127.0.0.1 \
        DATABASE_URL="postgresql://$PGUSER@$PGHOST:$PGPORT/$DB?options=-c%20jit%3Doff" \
        SECRET_KEY=load-test-secret-key-load-test-secret-key-0123 \
        PARKINGSPOTS_DATA_DIR="$WORK/data" PARKINGSPOTS_DEMO_DATA=false SMTP_HOST= DB_POOL_SIZE=$POOL \
        AUTH_RATE_LIMIT_PER_MINUTE=1000000 PARKINGSPOTS_IDENTITY_BCRYPTCOST=$BCRYPT_COST ACCESS_TOKEN_EXPIRE_MINUTES=240 \
        MANAGEMENT_PORT=$MGMT_PORT MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,metrics \
        ADMIN_EMAIL=$ADMIN_EMAIL ADMIN_PASSWORD=$PASSWORD \
        env -u STRIPE_SECRET_KEY -u REDIS_URL \
        java -Xms512m -Xmx"$HEAP" -XX:+UseParallelGC -jar backend/target/parkingspots.jar >"$RUN/server-$1.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 180); do
        if curl -fs "$URL/health" >/dev/null 2>&1; then log "server ($1) up, pid $SERVER_PID"; return; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$RUN/server-$1.log"; exit 1; }
        sleep 1
    done
    log "server did not start ($RUN/server-$1.log)"; exit 1
}

register_first_renter() { # the password hash every bench user shares comes from the server itself
    if [ "$(sql -c "SELECT count(*) FROM users WHERE email = 'bench-renter-0@bench.parkingspots.com'")" = 0 ]; then
        curl -sS --fail-with-body -o "$RUN/register.json" -X POST "$URL/api/v1/auth/register" -H 'Content-Type: application/json' \
            -d "{\"email\":\"bench-renter-0@bench.parkingspots.com\",\"password\":\"$PASSWORD\",\"full_name\":\"Bench Renter 0\",\"role\":\"renter\"}"
    fi
}

add_renters() { # up to RENTERS renters, with renter 0's hash; the owner signs in with the same password
    sql <<SQL
INSERT INTO users (id, email, hashed_password, full_name, role, is_active, is_verified)
SELECT gen_random_uuid(), 'bench-renter-' || i || '@bench.parkingspots.com', h.hashed_password, 'Bench Renter ' || i, 'renter', true, true
FROM generate_series(1, $RENTERS - 1) i, (SELECT hashed_password FROM users WHERE email = 'bench-renter-0@bench.parkingspots.com') h
ON CONFLICT (email) DO NOTHING;
UPDATE users SET hashed_password = (SELECT hashed_password FROM users WHERE email = 'bench-renter-0@bench.parkingspots.com')
WHERE id = '$OWNER';
SQL
}

# 1. the jar
if [ -n "$STARTED_SERVER" ] && [ ! -f backend/target/parkingspots.jar ]; then
    log "building the jar"
    ./mvnw -B -ntp -q package -DskipTests -DskipE2e
fi

# 2. the dataset: reused while bench_meta says N spots were loaded completely
loaded_n=$(psql -X -tA -d "$DB" -c "SELECT spots FROM bench_meta" 2>/dev/null || true)
if [ "$loaded_n" = "$N" ]; then
    log "reusing database $DB ($N spots); removing bookings of earlier runs"
    sql <<'SQL'
CREATE TEMP TABLE old_bookings AS SELECT id FROM bookings WHERE start_time > now() - interval '1 day';
DELETE FROM payment_refunds WHERE payment_id IN (SELECT id FROM payments WHERE booking_id IN (SELECT id FROM old_bookings));
DELETE FROM payouts WHERE booking_id IN (SELECT id FROM old_bookings);
DELETE FROM payments WHERE booking_id IN (SELECT id FROM old_bookings);
DELETE FROM booking_transitions WHERE booking_id IN (SELECT id FROM old_bookings);
DELETE FROM bookings WHERE id IN (SELECT id FROM old_bookings);
DELETE FROM event_publication; -- events of the bookings just removed (and of earlier runs)
VACUUM ANALYZE bookings;
SQL
    DATASET_NOTE="reused (loaded $(sql -c "SELECT to_char(loaded_at, 'YYYY-MM-DD HH24:MI') || ' UTC in ' || load_seconds || ' s' FROM bench_meta"))"
else
    [ -n "$STARTED_SERVER" ] || { echo "database $DB does not hold $N spots: run without --url first" >&2; exit 1; }
    log "creating database $DB on $PGHOST:$PGPORT"
    dropdb --if-exists "$DB"
    createdb "$DB"
    load_started=$(date +%s)
    if curl -fs "$URL/health" >/dev/null 2>&1; then echo "port $PORT is taken (BENCH_PORT)" >&2; exit 1; fi
    start_server migrate # Flyway migrates; the first renter is registered through the API (a real bcrypt hash)
    register_first_renter
    stop_server
    log "generating $N spots"
    python3 bench/generate_spots.py "$N" "$OWNER" 1 >"$WORK/spots-$N.csv"
    log "loading (COPY, indexes, renters, reviews of past stays)"
    sql <<SQL
INSERT INTO users (id, email, full_name, role, is_verified) VALUES ('$OWNER', 'bench-owner@bench.parkingspots.com', 'Bench Owner', 'owner', true);
DROP INDEX parking_spots_location;
DROP INDEX parking_spots_newest;
DROP INDEX parking_spots_owner;
\copy parking_spots (id, owner_id, title, spot_type, vehicle_size, address, city, state, zip_code, country, latitude, longitude, hourly_rate, currency, is_covered, has_ev_charging, is_handicap_accessible, time_zone, created_at) FROM '$WORK/spots-$N.csv' WITH (FORMAT csv)
SET maintenance_work_mem = '256MB';
CREATE INDEX parking_spots_location ON parking_spots USING gist (ll_to_earth(latitude, longitude)) WHERE is_active AND is_available;
CREATE INDEX parking_spots_newest ON parking_spots (created_at DESC, id DESC) WHERE is_active AND is_available;
CREATE INDEX parking_spots_owner ON parking_spots (owner_id);
SQL
    add_renters
    # 5% of the spots have 1-6 reviews of completed, paid (offline) stays in the past
    sql <<'SQL'
CREATE TEMP TABLE past AS
SELECT gen_random_uuid() AS booking_id, s.id AS spot_id, s.owner_id, s.hourly_rate, s.currency,
       r.a[1 + floor(random() * cardinality(r.a))::int] AS renter,
       date_trunc('hour', now() - interval '3 days' - random() * interval '300 days') AS start_time,
       1 + floor(random() * 5)::int AS rating
FROM (SELECT * FROM parking_spots TABLESAMPLE BERNOULLI (5) REPEATABLE (1)) s
CROSS JOIN LATERAL generate_series(1, 1 + floor(random() * 6)::int + (s.hourly_rate * 0)) g
CROSS JOIN (SELECT array_agg(id) a FROM users WHERE email LIKE 'bench-renter-%') r;
INSERT INTO bookings (id, user_id, parking_spot_id, owner_id, start_time, end_time, status, currency, subtotal,
                      service_fee, total_amount, owner_payout, payment_status, created_at, updated_at)
SELECT booking_id, renter, spot_id, owner_id, start_time, start_time + interval '2 hours', 'completed', currency,
       2 * hourly_rate, round(0.2 * hourly_rate) + 50, 2 * hourly_rate + round(0.2 * hourly_rate) + 50, 2 * hourly_rate,
       'completed', start_time - interval '1 day', start_time + interval '2 hours'
FROM past;
INSERT INTO payments (id, booking_id, user_id, owner_id, provider, amount, currency, owner_payout, application_fee,
                      status, payment_method, paid_at, created_at, updated_at)
SELECT gen_random_uuid(), b.id, b.user_id, b.owner_id, 'offline', b.total_amount, b.currency, b.owner_payout,
       b.service_fee, 'succeeded', 'offline', b.created_at, b.created_at, b.created_at
FROM bookings b JOIN past p ON p.booking_id = b.id;
INSERT INTO reviews (id, booking_id, parking_spot_id, reviewer_id, overall_rating, cleanliness_rating, title, comment,
                     stay_ended_at, created_at, updated_at)
SELECT gen_random_uuid(), booking_id, spot_id, renter, greatest(1, least(5, rating + 1)), rating,
       'Stay of ' || to_char(start_time, 'YYYY-MM-DD'), 'Generated review of a past stay (load-test dataset).',
       start_time + interval '2 hours', start_time + interval '1 day', start_time + interval '1 day'
FROM past;
UPDATE parking_spots s SET average_rating = a.avg, total_reviews = a.n
FROM (SELECT parking_spot_id, round(avg(overall_rating), 2) avg, count(*) n FROM reviews GROUP BY 1) a
WHERE a.parking_spot_id = s.id;
VACUUM ANALYZE;
SQL
    sql -c "CREATE TABLE bench_meta (spots integer NOT NULL, loaded_at timestamptz NOT NULL, load_seconds integer NOT NULL)" \
        -c "INSERT INTO bench_meta VALUES ($N, now(), $(( $(date +%s) - load_started )))"
    rm -f "$WORK/spots-$N.csv"
    DATASET_NOTE="generated and loaded by this run in $(( $(date +%s) - load_started )) s"
    log "dataset ready: $DATASET_NOTE"
fi
sql -c "SELECT count(*) FROM users WHERE email LIKE 'bench-renter-%'" | grep -qx "$RENTERS" || add_renters
sql -c "SELECT id FROM parking_spots WHERE is_active AND is_available ORDER BY md5(id::text) LIMIT 5000" >"$WORK/spot-ids-$N.txt"
if [ -n "$PREPARE_ONLY" ]; then log "dataset $DB ready"; exit 0; fi

# 3. the server
if [ -n "$STARTED_SERVER" ]; then
    if curl -fs "$URL/health" >/dev/null 2>&1; then echo "port $PORT is taken (BENCH_PORT)" >&2; exit 1; fi
    start_server run
fi
curl -fs "$URL/health" >/dev/null || { echo "no server answers $URL/health" >&2; exit 1; }
register_first_renter
# every bench account shares renter 0's hash; one sign-in makes it the server's current kind (a dataset loaded before
# ADR 0013 holds bcrypt hashes, which the first sign-in of each account would replace, one write each, mid-run)
curl -sS --fail-with-body -o /dev/null -X POST "$URL/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench-renter-0@bench.parkingspots.com\",\"password\":\"$PASSWORD\"}"
sql >/dev/null <<'SQL'
UPDATE users SET hashed_password = h.hashed_password
FROM (SELECT hashed_password FROM users WHERE email = 'bench-renter-0@bench.parkingspots.com') h
WHERE (users.email LIKE 'bench-renter-%@bench.parkingspots.com' OR users.email = 'bench-owner@bench.parkingspots.com')
  AND users.hashed_password IS DISTINCT FROM h.hashed_password;
SQL
log "password hashes: $(sql -c "SELECT left(hashed_password, 38) FROM users WHERE email = 'bench-renter-0@bench.parkingspots.com'")…"

# 4. the sampler: load average, server RSS and heap, cache counters (every 10 s in a soak, 5 s otherwise)
SAMPLE_EVERY=5; [ "$MODE" = soak ] && SAMPLE_EVERY=10
python3 bench/load/sampler.py "$METRICS_URL" "${SERVER_PID:-${BENCH_SERVER_PID:-}}" "$SAMPLE_EVERY" >"$RUN/server.csv" &
SAMPLER_PID=$!

gatling() { # out-dir rates step-seconds description
    mkdir -p "$1"
    ./mvnw -B -ntp -f bench/load/pom.xml gatling:test \
        -Dbench.baseUrl="$URL" -Dbench.rates="$2" -Dbench.stepSeconds="$3" -Dbench.out="$ROOT/$1" \
        -Dbench.spotIds="$ROOT/$WORK/spot-ids-$N.txt" -Dbench.renters="$RENTERS" -Dbench.password="$PASSWORD" \
        -Dgatling.resultsFolder="$ROOT/$1/gatling" -Dgatling.runDescription="$4" >"$1/gatling.log" 2>&1 || {
        tail -40 "$1/gatling.log"; echo "gatling failed ($1/gatling.log)" >&2; exit 1; }
}

# 5. a soak runs at one rate: the one given, or 70% of the saturation measured last on this dataset
if [ "$MODE" = soak ]; then
    if [ -z "$SOAK_RATE" ]; then
        sat_file="$RAW/saturation-$N.txt"
        [ -f "$sat_file" ] || { echo "no --soak-rate and no measured saturation in $sat_file: run the rates first" >&2; exit 1; }
        SOAK_RATE=$(python3 -c "print(round(0.7 * float(open('$sat_file').read().split()[0]), 1))")
        log "soak rate: 70% of the saturation measured last ($(cat "$sat_file"))"
    fi
    soak_seconds=$(python3 -c "
import re,sys; s='$SOAK'; m=re.fullmatch(r'(\d+)([smh]?)', s) or sys.exit('bad --soak '+s)
print(int(m.group(1)) * {'s':1,'':60,'m':60,'h':3600}[m.group(2)])")
    RATES=$SOAK_RATE; STEP=$soak_seconds
fi

# 6. warm-up (JIT, pools, caches of the page the first visitors see): not measured
if [ "$WARMUP" -gt 0 ]; then
    log "warm-up: ${WARMUP} s at ${RATES%%,*} req/s"
    gatling "$RUN/warmup" "${RATES%%,*}" "$WARMUP" "warm-up"
fi

# 7. the measured run (and, with --dashboard, a browser watching the live dashboard meanwhile)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "$MODE run: rates $RATES req/s, $STEP s each, against $URL"
DASH_PID=""
if [ -n "$DASHBOARD" ]; then
    total=$(( $(echo "$RATES" | tr ',' '\n' | wc -l) * STEP ))
    watch=$(( total > 300 ? 290 : total - 15 ))
    ( sleep $(( total - 15 - watch )); node bench/dashboard-screenshot.mjs "$URL" "$ADMIN_EMAIL" "$PASSWORD" "$DASHBOARD" "$watch" \
        >"$RUN/dashboard.log" 2>&1 || echo "dashboard screenshot failed ($RUN/dashboard.log)" >&2 ) &
    DASH_PID=$!
fi
gatling "$RUN" "$RATES" "$STEP" "$MODE $N spots, rates $RATES req/s x $STEP s"
if [ -n "$DASH_PID" ]; then wait "$DASH_PID" || true; log "dashboard: $(tail -1 "$RUN/dashboard.log")"; fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
# asynchronous listeners (payments, refunds, WebSocket relay) finish what the last requests started: wait (server
# still running, at most BENCH_DRAIN_WAIT s) until Spring Modulith's registry holds no incomplete event publication
drain_started=$(date +%s)
for _ in $(seq 1 "${BENCH_DRAIN_WAIT:-180}"); do
    [ "$(sql -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ] && break
    sleep 1
done
DRAIN_SECONDS=$(( $(date +%s) - drain_started ))
left=$(sql -c "SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
if [ "$left" = 0 ]; then log "event publications complete after ${DRAIN_SECONDS} s"
else log "still $left incomplete event publication(s) after ${DRAIN_SECONDS} s"; DRAIN_SECONDS="$DRAIN_SECONDS (gave up: $left still incomplete)"; fi

# 8. the database afterwards: no overlapping active bookings, no orphaned payment (see bench/load/checks.sql)
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f bench/load/checks.sql >"$RUN/checks.txt"
cat "$RUN/checks.txt"

# 9. the report
GATLING_DIR=$(ls -d "$RUN"/gatling/*/ | tail -1)
SERVER_DESC="the product jar (\`java -Xmx$HEAP -XX:+UseParallelGC\`), pool $POOL, the in-memory marketplace, no Redis, offline payments, passwords Argon2id m=19 MiB t=2 p=1 on one hashing thread per core (ADR 0013), on the same 2 cores as PostgreSQL and Gatling"
[ -n "$STARTED_SERVER" ] || SERVER_DESC="already running at $URL (not started by this script)"
python3 bench/load/report.py \
    --mode "$MODE" --run "$RUN" --gatling "$GATLING_DIR" --spots "$N" --date "$DATE" --tag "$TAG" \
    --p99 "$P99_MS" --max-errors "$MAX_ERR" --url "$URL" --metrics-url "$METRICS_URL" \
    --load-start "$LOAD_START" --load-before "$LOAD_BEFORE" --load-after "$LOAD_AFTER" \
    --server "$SERVER_DESC" --drain "$DRAIN_SECONDS" --dataset "$DATASET_NOTE" --db "$DB" --renters "$RENTERS" \
    --command "bench/load-test.sh --spots $N $( [ "$MODE" = soak ] && echo "--soak $SOAK --soak-rate $SOAK_RATE" || echo "--rates $RATES --step $STEP")"
