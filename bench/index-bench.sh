#!/usr/bin/env bash
# The index comparison behind ADR 0010: the in-memory marketplace's grid (several cell sizes) against Apache Lucene's
# LatLonPoint distance query + distance sort and its BKD nearest-neighbour walk, on the same N spots
# (bench/generate_spots.py, seed 1) and bench/search.lua's query mix, one thread, each query timed alone.
#
# Usage: bench/index-bench.sh [N] [QUERIES]     (default 1000000 20000); prints the table and writes
#        bench/results/index-<date>-<N>.txt
set -euo pipefail
N=${1:-1000000}
QUERIES=${2:-20000}
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
WORK=bench/target
mkdir -p "$WORK" bench/results
CSV=$WORK/spots-$N.csv
[ -f "$CSV" ] || python3 bench/generate_spots.py "$N" 00000000-0000-4000-8000-00000000b001 1 >"$CSV"
if [ ! -d backend/target/classes/com/parkingspots/spots/internal ]; then
    ./mvnw -B -ntp -q -pl backend -DskipWeb compile
fi
./mvnw -B -ntp -q -f bench/index/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$WORK/index-lib"
CP="backend/target/classes:$WORK/index-lib/*:$(find ~/.m2/repository/org/jspecify -name 'jspecify-*.jar' | sort | tail -1)"
rm -rf "$WORK/index-classes" && mkdir -p "$WORK/index-classes"
javac -nowarn -d "$WORK/index-classes" -cp "$CP" bench/index/src/main/java/com/parkingspots/spots/internal/SpotIndexBenchmark.java
OUT=bench/results/index-$(date -u +%Y-%m-%d)-$N.txt
{
    echo "# bench/index-bench.sh $N $QUERIES, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD)"
    echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xms3g -Xmx3g -XX:+UseParallelGC -cp "$WORK/index-classes:$CP" com.parkingspots.spots.internal.SpotIndexBenchmark "$CSV" "$QUERIES"
    echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
