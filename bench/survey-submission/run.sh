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
gateway="${BEACON_GATEWAY_URL:-http://127.0.0.1:8080}"
survey="${BEACON_BENCH_SURVEY:-safe-journeys}"
wave="${BEACON_BENCH_WAVE:-endline}"
language="${BEACON_BENCH_LANGUAGE:-fr}"
seconds="${BEACON_BENCH_SECONDS:-20}"
connections="${BEACON_BENCH_CONNECTIONS:-32}"
export PGHOST=127.0.0.1 PGPORT="${BEACON_POSTGRES_PORT:-5532}" PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres

work=$(mktemp -d)
trap 'rm -rf "$work"; psql -q -c "drop schema if exists submission_bench cascade" 2>/dev/null || true' EXIT

# A real submission, taken by answering the paged public form once as a browser does: the first GET answers 303 to
# the same address with the idempotency key (?k=<uuid>&lang=), each page is posted with the answers so far (hidden
# q.<field> inputs), its own answers (the first choice of every question, the smallest allowed number or 2, a date),
# _page, _shown and _go=next, until the post that stores answers 303 (off to the thank-you page). That last post,
# whose body holds every answer of the walk, is what wrk sends, each time with a key of its own.
form="$gateway/campaigns/public/surveys/$survey/$wave"
urlencode() {
  local LC_ALL=C text="$1" i c out=""
  for ((i = 0; i < ${#text}; i++)); do
    c="${text:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      ' ') out+='+' ;;
      *) printf -v c '%%%02X' "'$c"; out+="$c" ;;
    esac
  done
  printf '%s' "$out"
}
unescape_html() {
  sed -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}
# The body the page's own "Next"/"Send" button would post, without the key (each request brings its own).
page_answers() {
  local page="$1" name value
  {
    grep -o '<input type="hidden" name="[^"]*" value="[^"]*">' "$page" | sed 's/.*name="\([^"]*\)" value="\([^"]*\)".*/\1\t\2/' \
        | grep -v '^_key	'
    grep -o '<input type="\(radio\|checkbox\)" id="[^"]*" name="q\.[^"]*" value="[^"]*"' "$page" \
        | sed 's/.*name="\([^"]*\)" value="\([^"]*\)"/\1\t\2/' | awk -F'\t' '!seen[$1]++'
    grep -o '<select name="q\.[^"]*"[^>]*><option value=""></option><option value="[^"]*"' "$page" \
        | sed 's/<select name="\([^"]*\)".*<option value="\([^"]*\)"$/\1\t\2/'
    grep -o '<input type="number" inputmode="numeric"[^>]*>' "$page" | while read -r input; do
      name=$(sed 's/.*name="\([^"]*\)".*/\1/' <<< "$input")
      value=$(grep -o ' min="[^"]*"' <<< "$input" | sed 's/ min="\(.*\)"/\1/')
      printf '%s\t%s\n' "$name" "${value:-2}"
    done
    grep -o '<input type="number" inputmode="decimal"[^>]*name="q\.[^"]*"' "$page" | sed 's/.*name="\([^"]*\)"/\1\t2.5/'
    grep -o '<input type="date" name="q\.[^"]*"' "$page" | sed 's/.*name="\([^"]*\)"/\1\t2026-01-15/'
  } | while IFS=$'\t' read -r name value; do
    printf '%s=%s&' "$(urlencode "$(unescape_html <<< "$name")")" "$(urlencode "$(unescape_html <<< "$value")")"
  done
  printf '_go=next'
}
redirects=$(curl -sfL -w '%{num_redirects} %{url_effective}' "$form?lang=$language" -o "$work/page.html")
case "$redirects" in
  "1 "*"?k="*) ;;
  *) echo "the form's first GET did not redirect to its address with a key (got: $redirects)" >&2; exit 1 ;;
esac
walk_key=$(grep -o '<input type="hidden" name="_key" value="[^"]*"' "$work/page.html" | sed 's/.*value="\(.*\)"/\1/')
pages=0
while :; do
  pages=$((pages + 1))
  answers=$(page_answers "$work/page.html")
  status=$(curl -s -o "$work/next.html" -w '%{http_code}' -H 'Content-Type: application/x-www-form-urlencoded' \
      --data-binary "_key=$walk_key&$answers" "$form")
  if [ "$status" = 303 ]; then
    break
  elif [ "$status" != 200 ] || [ "$pages" -ge 20 ]; then
    echo "walking the form: page $pages answered $status; the page is in $work/next.html" >&2
    trap - EXIT
    exit 1
  fi
  mv "$work/next.html" "$work/page.html"
done
echo "form $form ($language): $pages page(s); each request posts the last page," \
     "$(tr '&' '\n' <<< "$answers" | grep -c '^q\.') answers"

# Rows whose idempotency key carries a run's id: exactly what that run stored.
count_stored() {
  psql -tAq -c "select count(*) from campaign.survey_response where idempotency_key::text like '$1-%'"
}

# Each request carries its own idempotency key (run, thread number, counter), as the form's hidden field would; every
# answer other than 303 See Other (stored, off to the thank-you page) is counted apart.
cat > "$work/submit.lua" <<LUA
local counter, thread_id = 0, 0
local answers = "$answers"
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  thread_id = id
  run = args[1]
  stored, refused = 0, 0
end
function request()
  counter = counter + 1
  local key = string.format("%s-0000-4000-8%03x-%012x", run, thread_id, counter)
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"},
    "_key=" .. key .. "&" .. answers)
end
function response(status, headers, body)
  if status == 303 then stored = stored + 1 else refused = refused + 1 end
end
function done(summary, latency, requests)
  local s, r = 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("stored")
    r = r + thread:get("refused")
  end
  io.write(string.format("SEEN stored=%d refused=%d p99=%.1fms\n", s, r, latency:percentile(99) / 1000))
end
LUA

run_id() { od -An -N4 -tx4 /dev/urandom | tr -d ' \n'; }
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

# The reference: the same rows inserted straight into PostgreSQL, durably (synchronous commit), by as many clients.
psql -q <<SQL
drop schema if exists submission_bench cascade;
create schema submission_bench;
create table submission_bench.survey_response (like campaign.survey_response including defaults including constraints
    including indexes);
SQL
# One of the rows this run stored, as it was stored (answers with their null slots, the questions not asked).
row=$(psql -tAq -c "select survey_id, wave, language, age_band, gender, region, coalesce(knowledge_score::text, 'null'),
                           array_to_string(answers, ',', 'NULL'), array_to_string(not_asked, ',')
                    from campaign.survey_response where idempotency_key::text like '$run-%' limit 1" | tr '|' ' ')
read -r survey_id wave_number row_language age gender region knowledge answer_list not_asked_list <<< "$row"
cat > "$work/insert.sql" <<SQL
insert into submission_bench.survey_response (survey_id, wave, idempotency_key, source, language, age_band, gender,
    region, knowledge_score, answers, not_asked)
values ($survey_id, $wave_number, gen_random_uuid(), 'web', '$row_language', $age, $gender, $region,
    $knowledge, '{$answer_list}', '{$not_asked_list}');
SQL
reference=$(pgbench -n -c"$connections" -j2 -T"$seconds" -f "$work/insert.sql" 2>/dev/null \
    | awk '/^tps/ { printf "%.0f", $3 }')

echo
printf "%-44s %8s responses/s   p99 %s   (%d stored, %d answered with another status)\n" \
    "gateway -> campaign-service (Beacon)" "$rate" "$p99" "$seen_stored" "$seen_refused"
printf "%-44s %8s responses/s   (fsync %s, synchronous_commit %s)\n" "PostgreSQL durable inserts, same rows" \
    "$reference" "$(psql -tAq -c 'show fsync')" "$(psql -tAq -c 'show synchronous_commit')"
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
