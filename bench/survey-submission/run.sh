#!/usr/bin/env bash
# Survey submissions through the gateway (PRODUCT.md §9: >= 2,000 stored responses/s, none lost), next to
# PostgreSQL's own durable inserts of the same rows (pgbench), measured in the same run on the same machine. Also
# prints the peak resident memory of the three applications after the load (§9: <= 256 MB RSS each).
#
# Needs a running local stack whose per-survey rate limit is raised above what the bench sends (the limit exists to
# shed floods; this bench measures what the storage path sustains):
#   BEACON_SURVEYS_RATE_LIMIT_PER_SECOND=100000 BEACON_SURVEYS_RATE_LIMIT_BURST=100000 ./devstack/run.sh
# and curl, wrk, psql and pgbench (Debian 12: apt-get install -y curl wrk postgresql-client postgresql-15).
set -euo pipefail
repository="$(cd "$(dirname "$0")/../.." && pwd)"

# A real submission, taken by answering the paged public form once as a browser does (common.sh); its last post,
# whose body holds every answer of the walk, is what wrk sends, each time with a key of its own.
source "$(dirname "$0")/common.sh"


# Each request carries its own idempotency key (run, thread number, counter), as the form's hidden field would; every
# answer other than 303 See Other (stored, off to the thank-you page) is counted apart.
{
  wrk_counting 303
  cat <<LUA
local answers = "$answers"
function request()
  counter = counter + 1
  local key = string.format("%s-0000-4000-8%03x-%012x", run, thread_id, counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"},
    "_key=" .. key .. "&" .. answers)
end
LUA
} > "$work/submit.lua"

wrk -t2 -c"$connections" -d5s -s "$work/submit.lua" "$form" -- "$(run_id)" > /dev/null   # warm-up: JIT and connection pools
sleep 2
run=$(run_id)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/submit.lua" "$form" -- "$run" > "$work/wrk.txt"
load=$(cut -d' ' -f1-3 /proc/loadavg)   # the last minute's load includes the bench itself
sleep 2   # submissions still in flight when wrk stopped are stored, but wrk no longer counts their answers
new_rows=$(count_stored "$run")
read -r seen_stored seen_refused p99 < <(grep '^SEEN' "$work/wrk.txt" | sed 's/SEEN stored=\([0-9]*\) refused=\([0-9]*\) p99=\(.*\)/\1 \2 \3/')
# Stored responses per second: the 303s wrk saw, over the run's duration as wrk reports it ("N requests in 20.01s").
rate=$(awk -v n="$seen_stored" '/requests in/ { sub(/s,?$/, "", $4); printf "%.0f", n / $4 }' "$work/wrk.txt")

# The reference: the same rows inserted straight into PostgreSQL, durably, by as many clients, one per transaction.
reference=$(durable_reference "$run" "$connections" 1)

echo
printf "%-44s %8s responses/s   p99 %s   (%d stored, %d answered with another status)\n" \
    "gateway -> campaign-service (Beacon)" "$rate" "$p99" "$seen_stored" "$seen_refused"
printf "%-44s %8s responses/s   (%s)\n" "PostgreSQL durable inserts, same rows" "$reference" "$(durability)"
awk -v beacon="$rate" -v postgres="$reference" 'BEGIN { if (postgres > 0) printf "ratio %.3f\n", beacon / postgres }'
echo "load average during the run: $load"
# Every thanked submission must be stored; at most one more per connection may be stored after wrk stopped
# listening (in flight at the end), never fewer.
if [ "$new_rows" -ge "$seen_stored" ] && [ "$((new_rows - seen_stored))" -le "$connections" ]; then
  echo "none lost: all $seen_stored submissions thanked with 303 are stored ($new_rows rows carry this run's keys;"
  echo "  the $((new_rows - seen_stored)) more were in flight when wrk stopped)"
else
  echo "LOST OR UNEXPECTED: $seen_stored submissions thanked, $new_rows rows carry this run's keys"
fi
[ "$seen_refused" -eq 0 ] || echo "note: $seen_refused answers were not 303 (429 means the rate limit was not raised)"

echo
echo "peak resident memory (VmHWM) since start:"
for application in gateway training-service campaign-service; do
  pid=$(pgrep -f "$repository/$application/target/quarkus-app/quarkus-run.jar" | head -1 || true)
  if [ -n "$pid" ]; then
    printf "  %-18s %s\n" "$application" "$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")"
  fi
done
