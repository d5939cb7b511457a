#!/usr/bin/env bash
# The deploy/docker-compose.yml topology without Docker, on loopback: 2 api instances (8101, 8102) and 1 worker (8103)
# from the built jar, on this machine's PostgreSQL (database parkingspots_cluster) and Redis, behind Debian's nginx on
# 8080 (WebSocket upgrade included). Each instance's actuator (metrics) is on its own loopback management port (9101,
# 9102, 9103); when Debian's prometheus is installed it is started too (PROMETHEUS_PORT, 9090), scraping all three
# with deploy/prometheus/prometheus-local.yml.
#
#   deploy/local-cluster.sh up       build the jar if missing, start everything, wait until healthy
#   deploy/local-cluster.sh status   health of each process
#   deploy/local-cluster.sh down     stop everything it started (pid files in the runtime directory)
#
# Settings (environment): PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER (postgres), PG_DATABASE (parkingspots_cluster),
# REDIS_URL (redis://127.0.0.1:6379/0), NGINX_PORT (8080), PROMETHEUS_PORT (9090), CLUSTER_DIR
# (/tmp/parkingspots-cluster), JAVA_OPTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN="${CLUSTER_DIR:-/tmp/parkingspots-cluster}"
JAR="$ROOT/backend/target/parkingspots.jar"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DATABASE="${PG_DATABASE:-parkingspots_cluster}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
NGINX_PORT="${NGINX_PORT:-8080}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
JAVA_OPTS="${JAVA_OPTS:--Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# name:port:role:management port (deploy/prometheus/prometheus-local.yml scrapes these)
INSTANCES=("worker:8103:worker:9103" "api1:8101:api:9101" "api2:8102:api:9102")

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

need() {
    local command="$1" package="$2"
    if ! command -v "$command" > /dev/null 2>&1 && [[ ! -x "/usr/sbin/$command" ]]; then
        log "installing $package"
        apt-get install -y -q "$package" > /dev/null
    fi
}

running() {
    local pidfile="$RUN/$1.pid"
    [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2> /dev/null
}

await_health() {
    local name="$1" port="$2"
    for _ in $(seq 1 180); do
        if curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; then
            log "$name healthy on :$port"
            return 0
        fi
        if ! running "$name"; then
            log "$name exited; last lines of $RUN/$name.log:"
            tail -n 30 "$RUN/$name.log"
            return 1
        fi
        sleep 1
    done
    log "$name not healthy after 180 s (see $RUN/$name.log)"
    return 1
}

start_instance() {
    local name="$1" port="$2" role="$3" management="$4"
    if running "$name"; then
        log "$name already running"
        return 0
    fi
    mkdir -p "$RUN/$name"
    local demo=false
    [[ "$role" == worker ]] && demo=true # seeds the demo marketplace once, into an empty database
    log "starting $name (role $role) on :$port, metrics on 127.0.0.1:$management"
    (
        cd "$RUN/$name"
        PORT="$port" \
            MANAGEMENT_PORT="$management" \
            MANAGEMENT_ADDRESS=127.0.0.1 \
            PARKINGSPOTS_ROLE="$role" \
            PARKINGSPOTS_INSTANCE_ID="$name" \
            PARKINGSPOTS_PROFILE=prod \
            PARKINGSPOTS_DATA_DIR="$RUN/data" \
            PARKINGSPOTS_DEMO_DATA="$demo" \
            DATABASE_URL="postgresql://$PG_USER@$PG_HOST:$PG_PORT/$PG_DATABASE" \
            REDIS_URL="$REDIS_URL" \
            REDIS_KEY_PREFIX="parkingspots-cluster:" \
            SECRET_KEY="$(cat "$RUN/secret.key")" \
            DB_POOL_SIZE=10 \
            BACKEND_CORS_ORIGINS="http://127.0.0.1:$NGINX_PORT,http://localhost:$NGINX_PORT" \
            nohup "$JAVA" $JAVA_OPTS -jar "$JAR" > "$RUN/$name.log" 2>&1 &
        echo $! > "$RUN/$name.pid"
    )
}

write_nginx_conf() {
    mkdir -p "$RUN/nginx"
    cat > "$RUN/nginx.conf" << CONF
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 2048; }
http {
    access_log off;
    client_body_temp_path $RUN/nginx/body;
    proxy_temp_path $RUN/nginx/proxy;
    fastcgi_temp_path $RUN/nginx/fastcgi;
    uwsgi_temp_path $RUN/nginx/uwsgi;
    scgi_temp_path $RUN/nginx/scgi;

    upstream parkingspots_api {
        server 127.0.0.1:8101 max_fails=3 fail_timeout=10s;
        server 127.0.0.1:8102 max_fails=3 fail_timeout=10s;
        keepalive 64;
    }
    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      '';
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /api/v1/ws {
            proxy_pass http://parkingspots_api;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header Host \$host;
            proxy_read_timeout 3600s;
            proxy_send_timeout 3600s;
        }
        location / {
            proxy_pass http://parkingspots_api;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            client_max_body_size 12m;
            proxy_next_upstream error timeout http_502 http_503;
        }
    }
}
CONF
}

up() {
    mkdir -p "$RUN"
    need curl curl
    need nginx nginx
    if [[ ! -f "$JAR" ]]; then
        log "building $JAR"
        (cd "$ROOT" && ./mvnw -B -ntp -q -pl backend package -DskipTests)
    fi
    if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc "SELECT 1" postgres > /dev/null; then
        log "PostgreSQL at $PG_HOST:$PG_PORT does not answer"
        exit 1
    fi
    if [[ "$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -Atc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" postgres)" != 1 ]]; then
        log "creating database $PG_DATABASE"
        createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DATABASE"
    fi
    [[ -f "$RUN/secret.key" ]] || openssl rand -base64 48 | tr -d '\n' > "$RUN/secret.key"

    # the worker first: it migrates the schema and seeds the demo data before the api instances start
    for instance in "${INSTANCES[@]}"; do
        IFS=: read -r name port role management <<< "$instance"
        start_instance "$name" "$port" "$role" "$management"
        if [[ "$name" == worker ]]; then
            await_health "$name" "$port"
        fi
    done
    for instance in "${INSTANCES[@]:1}"; do
        IFS=: read -r name port role management <<< "$instance"
        await_health "$name" "$port"
    done

    write_nginx_conf
    if [[ -f "$RUN/nginx.pid" ]] && kill -0 "$(cat "$RUN/nginx.pid")" 2> /dev/null; then
        /usr/sbin/nginx -p "$RUN" -c "$RUN/nginx.conf" -s reload
    else
        /usr/sbin/nginx -p "$RUN" -c "$RUN/nginx.conf"
    fi
    await_health nginx "$NGINX_PORT"
    start_prometheus
    log "up: http://127.0.0.1:$NGINX_PORT (WebSocket ws://127.0.0.1:$NGINX_PORT/api/v1/ws?token=...)"
}

prometheus_bin() {
    command -v prometheus 2> /dev/null || { [[ -x /usr/bin/prometheus ]] && echo /usr/bin/prometheus; } || true
}

start_prometheus() {
    local bin
    bin="$(prometheus_bin)"
    if [[ -z "$bin" ]]; then
        log "prometheus not installed (apt-get install prometheus): metrics stay on 127.0.0.1:9101-9103/actuator/prometheus"
        return 0
    fi
    if running prometheus; then
        log "prometheus already running"
        return 0
    fi
    mkdir -p "$RUN/prometheus"
    nohup "$bin" --config.file="$ROOT/deploy/prometheus/prometheus-local.yml" \
        --storage.tsdb.path="$RUN/prometheus" \
        --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" > "$RUN/prometheus.log" 2>&1 &
    echo $! > "$RUN/prometheus.pid"
    log "prometheus on http://127.0.0.1:$PROMETHEUS_PORT (targets: /targets)"
}

status() {
    for instance in "${INSTANCES[@]}"; do
        IFS=: read -r name port role management <<< "$instance"
        printf '%-7s %-6s :%s  ' "$name" "$role" "$port"
        if running "$name"; then
            curl -sS -m 2 "http://127.0.0.1:$port/health" || printf 'not answering'
            printf '  metrics :%s %s' "$management" \
                "$(curl -s -o /dev/null -w '%{http_code}' -m 2 "http://127.0.0.1:$management/actuator/prometheus")"
            echo
        else
            echo "stopped"
        fi
    done
    printf '%-7s %-6s :%s  ' nginx lb "$NGINX_PORT"
    curl -sS -m 2 "http://127.0.0.1:$NGINX_PORT/health" || printf 'not answering'
    echo
    if running prometheus; then
        printf '%-7s %-6s :%s  up\n' prometheus - "$PROMETHEUS_PORT"
    fi
}

stop_pid() {
    local name="$1" pidfile="$RUN/$1.pid"
    [[ -f "$pidfile" ]] || return 0
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2> /dev/null; then
        log "stopping $name (pid $pid)"
        kill -TERM "$pid"
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2> /dev/null || break
            sleep 1
        done
        if kill -0 "$pid" 2> /dev/null; then
            log "$name did not stop in 30 s: killing it"
            kill -KILL "$pid"
        fi
    fi
    rm -f "$pidfile"
}

down() {
    if [[ -f "$RUN/nginx.pid" ]] && kill -0 "$(cat "$RUN/nginx.pid")" 2> /dev/null; then
        log "stopping nginx"
        /usr/sbin/nginx -p "$RUN" -c "$RUN/nginx.conf" -s quit || true
        sleep 1
    fi
    stop_pid prometheus
    for instance in "api2:" "api1:" "worker:"; do
        stop_pid "${instance%%:*}"
    done
    log "down (logs and data stay in $RUN; the database $PG_DATABASE stays)"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    *)
        echo "usage: $0 up|down|status" >&2
        exit 2
        ;;
esac
