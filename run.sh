#!/usr/bin/env bash
# Runs ParkingSpots: builds the jar when the sources changed, then starts it on http://localhost:${PORT:-8000}.
# With no DATABASE_URL it starts its own PostgreSQL with data in ${PARKINGSPOTS_DATA_DIR:-./data}.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"
jar=backend/target/parkingspots.jar
if [ ! -f "$jar" ] || [ -n "$(find backend/src backend/pom.xml web/src web/public web/index.html web/package.json pom.xml \
        -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "Building ParkingSpots (first run downloads dependencies; later runs take seconds)..."
    # the build only: formatting, lint and type checks are the test command's job
    ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true -Dweb.checks.skip=true -Dweb.build.script=build:app \
        -pl web,backend
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
