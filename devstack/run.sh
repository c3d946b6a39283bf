#!/usr/bin/env bash
# Starts the whole Beacon platform on this machine (PostgreSQL, S3, Keycloak, gateway and both services) with the
# shipped content and the demo users. Builds whatever is missing or out of date first. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

stale=""
for module in commons test-support gateway training-service campaign-service content-import devstack; do
  case $module in
    gateway|training-service|campaign-service) artifact="$module/target/quarkus-app/quarkus-run.jar" ;;
    *) artifact="$module/target/$module-1.0.0-SNAPSHOT.jar" ;;
  esac
  if [ ! -f "$artifact" ] || [ -n "$(find "$module/src/main" "$module/pom.xml" -newer "$artifact" -print -quit 2>/dev/null)" ]; then
    stale="$stale $module"
  fi
done
if [ -n "$stale" ]; then
  echo "Building:$stale (first time: a few minutes)"
  ./mvnw -q -DskipTests package
fi

exec java -Dbeacon.repository="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
  -Dbeacon.s3proxy.jar="$PWD/test-support/target/tools/s3proxy.jar" \
  -Dbeacon.keycloak.zip="$PWD/devstack/target/tools/keycloak.zip" \
  -cp "devstack/target/classes:devstack/target/lib/*" org.beacon.devstack.Devstack
