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
# CPU spent by the gateway, campaign-service and PostgreSQL while this run's submissions are answered and stored, per
# row stored (the rate moves with whatever else the machine does; the CPU a submission costs moves much less)
gateway_pid=$(application_pid gateway)
campaign_pid=$(application_pid campaign-service)
cpu_before="$(process_ticks "$gateway_pid" 0) $(process_ticks "$campaign_pid" 0) $(postgres_ticks)"
TIMEFORMAT="%U %S"
{ time wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/submit.lua" "$form" -- "$run" \
    > "$work/wrk.txt"; } 2> "$work/wrk-cpu.txt"
load=$(cut -d' ' -f1-3 /proc/loadavg)   # the last minute's load includes the bench itself
sleep 2   # submissions still in flight when wrk stopped are stored, but wrk no longer counts their answers
cpu_after="$(process_ticks "$gateway_pid" 0) $(process_ticks "$campaign_pid" 0) $(postgres_ticks)"
new_rows=$(count_stored "$run")
read -r gateway_before campaign_before postgres_before <<< "$cpu_before"
read -r gateway_after campaign_after postgres_after <<< "$cpu_after"
gateway_cpu=$(cpu_ms_per "$gateway_before" "$gateway_after" "$new_rows")
campaign_cpu=$(cpu_ms_per "$campaign_before" "$campaign_after" "$new_rows")
postgres_cpu=$(cpu_ms_per "$postgres_before" "$postgres_after" "$new_rows")
wrk_cpu=$(client_cpu_ms_per "$work/wrk-cpu.txt" "$new_rows")
read -r seen_stored seen_refused p99 < <(grep '^SEEN' "$work/wrk.txt" | sed 's/SEEN stored=\([0-9]*\) refused=\([0-9]*\) p99=\(.*\)/\1 \2 \3/')
# Stored responses per second: the 303s wrk saw, over the run's duration as wrk reports it.
rate=$(wrk_rate "$seen_stored" "$work/wrk.txt")

# The reference: the same rows inserted straight into PostgreSQL, durably, by as many clients, one per transaction.
reference=$(durable_reference "$run" "$connections" 1)

echo
printf "%-44s %8s responses/s   p99 %s   (%d stored, %d answered with another status)\n" \
    "gateway -> campaign-service (Beacon)" "$rate" "$p99" "$seen_stored" "$seen_refused"
printf "%-44s %8s responses/s   (%s)\n" "PostgreSQL durable inserts, same rows" "$reference" "$(durability)"
awk -v beacon="$rate" -v postgres="$reference" 'BEGIN { if (postgres > 0) printf "ratio %.3f\n", beacon / postgres }'
read -r reference_postgres_cpu reference_client_cpu < "$work/reference-cpu.txt"
echo
echo "CPU per row stored, ms (user + system; measured per process, so it moves little with the machine's load):"
printf "  %-42s gateway %s + campaign-service %s = %s; PostgreSQL %s; wrk %s\n" "Beacon, per submission stored" \
    "$gateway_cpu" "$campaign_cpu" "$(awk -v a="$gateway_cpu" -v b="$campaign_cpu" 'BEGIN { printf "%.2f", a + b }')" \
    "$postgres_cpu" "$wrk_cpu"
printf "  %-42s PostgreSQL %s; pgbench %s\n" "reference, per durable insert (same run)" "$reference_postgres_cpu" \
    "$reference_client_cpu"
cpu_ratio=$(awk -v g="$gateway_cpu" -v c="$campaign_cpu" -v p="$postgres_cpu" -v w="$wrk_cpu" \
    -v rp="$reference_postgres_cpu" -v rc="$reference_client_cpu" \
    'BEGIN { if (g + c + p + w > 0) printf "%.3f", (rp + rc) / (g + c + p + w); else print "-" }')
echo "  CPU ratio (reference / Beacon, clients included) $cpu_ratio: the rate ratio if CPU were the only limit"
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
