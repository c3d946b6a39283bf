#!/usr/bin/env bash
# Memory under every load (PRODUCT.md §9: each service <= 256 MB resident under load; issue 15 point 3): runs the
# heavy loads one after the other against a running local stack and prints, after each, every application's peak
# resident memory during that step (VmHWM of /proc/<pid>/status, reset before the step through clear_refs) and the
# peak since the application started, next to the 256 MB target.
#
# Needs the local stack (with the submission bench's raised rate limit, see bench/survey-submission/README.md), and
# what the submission bench needs (curl, wrk, psql, pgbench) plus python3. Same environment variables as the stack
# (BEACON_HOME, BEACON_*_PORT) to find it.
set -euo pipefail
repository="$(cd "$(dirname "$0")/../.." && pwd)"
target_mb=256
export BEACON_REPOSITORY="$repository"
export BEACON_HOME="${BEACON_HOME:-$repository/.devstack}"
export BEACON_TRAINING_URL="http://127.0.0.1:${BEACON_TRAINING_PORT:-8081}"
export BEACON_KEYCLOAK_URL="http://127.0.0.1:${BEACON_KEYCLOAK_PORT:-8180}"
export BEACON_GATEWAY_URL="http://127.0.0.1:${BEACON_GATEWAY_PORT:-8080}"
export BEACON_POSTGRES_PORT="${BEACON_POSTGRES_PORT:-5532}"
applications=(gateway training-service campaign-service)
declare -A port=([gateway]="${BEACON_GATEWAY_PORT:-8080}" [training-service]="${BEACON_TRAINING_PORT:-8081}"
                 [campaign-service]="${BEACON_CAMPAIGN_PORT:-8082}")
declare -A pid overall

# The process listening on an application's port: the stack of this checkout, not an end-to-end test's stack.
for application in "${applications[@]}"; do
  pid[$application]=$(ss -Hltnp "sport = :${port[$application]}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  if [ -z "${pid[$application]}" ]; then
    echo "nothing listens on port ${port[$application]} ($application): start the stack first" >&2
    exit 1
  fi
done

peak_mb() { awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
header() {
  printf '\n%-44s' "peak resident memory (VmHWM), MB"
  for application in "${applications[@]}"; do printf '%18s' "$application"; done
  printf '   target\n'
}
# Prints the step's peaks, then resets each application's peak to its current resident size for the next step.
table=""
report() {
  local step="$1" value over="" line
  printf -v line '%-44s' "$step"
  for application in "${applications[@]}"; do
    value=$(peak_mb "${pid[$application]}")
    [ "$value" -le "${overall[$application]:-0}" ] || overall[$application]=$value
    [ "$value" -le "$target_mb" ] || over="$over $application"
    printf -v line '%s%18s' "$line" "$value"
    echo 5 > "/proc/${pid[$application]}/clear_refs"
  done
  printf -v line '%s   %s%s' "$line" "$target_mb" "${over:+   OVER:$over}"
  echo "$line"
  table+="$line"$'\n'
}

run_step() {
  local title="$1"
  shift
  echo
  echo "== $title"
  "$@"
  report "$title"
}

report "since start (stack start, content, demo data)"
run_step "submission bench (bench/survey-submission)" "$repository/bench/survey-submission/run.sh"
run_step "course import, largest allowed package" python3 "$repository/bench/memory/training_load.py" import-largest
run_step "offline package, biggest shipped course" python3 "$repository/bench/memory/training_load.py" offline-download
run_step "20 certificate PDFs in a row" python3 "$repository/bench/memory/training_load.py" certificates 20

header
printf '%s' "$table"
printf '%-44s' "peak over all steps"
for application in "${applications[@]}"; do printf '%18s' "${overall[$application]}"; done
printf '   %s\n' "$target_mb"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# What holds the memory, when the applications run with Native Memory Tracking (see README.md): committed MB per
# area of the JVM, and the classes and class loaders behind the metaspace.
for application in "${applications[@]}"; do
  summary=$(jcmd "${pid[$application]}" VM.native_memory summary 2>/dev/null || true)
  grep -q 'Total: reserved' <<< "$summary" || continue
  echo
  echo "$application, committed now (Native Memory Tracking), MB:"
  awk '/^Total: reserved/ { sub(/.*committed=/, ""); sub(/KB.*/, ""); printf "  %-28s %6.1f\n", "total tracked", $0 / 1024 }
       /^-  *[A-Z].*\(reserved=/ { name = $0; sub(/^- */, "", name); sub(/ *\(reserved.*/, "", name);
         value = $0; sub(/.*committed=/, "", value); sub(/KB.*/, "", value);
         if (value / 1024 >= 1) printf "  %-28s %6.1f\n", name, value / 1024 }' <<< "$summary"
  jcmd "${pid[$application]}" VM.metaspace 2>/dev/null | awk '/^Total Usage/ { print "  metaspace: " $4 " class loaders (hidden classes and reflection accessors each count as one), " $6 " classes" }'
done
