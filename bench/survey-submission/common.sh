# Sourced by run.sh and other-ways.sh: the settings both read from the environment, a scratch directory $work,
# run_id and count_stored; then answers the paged public form once as a browser does and leaves in $answers the
# body of its last post (every answer of the walk, without the key); and defines durable_reference.

gateway="${BEACON_GATEWAY_URL:-http://127.0.0.1:8080}"
survey="${BEACON_BENCH_SURVEY:-safe-journeys}"
wave="${BEACON_BENCH_WAVE:-endline}"
language="${BEACON_BENCH_LANGUAGE:-fr}"
seconds="${BEACON_BENCH_SECONDS:-20}"
connections="${BEACON_BENCH_CONNECTIONS:-32}"
export PGHOST=127.0.0.1 PGPORT="${BEACON_POSTGRES_PORT:-5532}" PGUSER=postgres PGPASSWORD=postgres PGDATABASE=postgres

work=$(mktemp -d)
trap 'rm -rf "$work"; psql -q -c "drop schema if exists submission_bench cascade" 2>/dev/null || true' EXIT

run_id() { od -An -N4 -tx4 /dev/urandom | tr -d ' \n'; }
# Rows whose idempotency key carries a run's id: exactly what that run stored.
count_stored() {
  psql -tAq -c "select count(*) from campaign.survey_response where idempotency_key::text like '$1-%'"
}

# The part of a wrk script that counts answers: the given status means stored, any other is counted apart; done()
# prints "SEEN stored=N refused=N p99=Xms". Each request is made by the script's own request(), which may use
# counter, thread_id and run (wrk's first argument after --) to make a key of its own.
wrk_counting() {
  cat <<LUA
local counter, thread_id = 0, 0
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
function response(status, headers, body)
  if status == $1 then stored = stored + 1 else refused = refused + 1 end
end
function done(summary, latency, requests)
  local s, r = 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("stored")
    r = r + thread:get("refused")
  end
  io.write(string.format("SEEN stored=%d refused=%d p99=%.1fms\\n", s, r, latency:percentile(99) / 1000))
end
LUA
}

# Items per second: a count over the duration wrk reports ("N requests in 20.01s", "in 1.00m" from a minute on).
wrk_rate() { # count, wrk's output
  awk -v n="$1" '/requests in/ { sub(/,$/, "", $4); d = $4 + 0
    if ($4 ~ /ms$/) d /= 1000; else if ($4 ~ /m$/) d *= 60; else if ($4 ~ /h$/) d *= 3600
    printf "%.0f", n / d }' "$2"
}

# A real submission, taken by answering the paged public form once as a browser does: the first GET answers 303 to
# the same address with the idempotency key (?k=<uuid>&lang=), each page is posted with the answers so far (hidden
# q.<field> inputs), its own answers (the first choice of every question, the smallest allowed number or 2, a date),
# _page, _shown and _go=next, until the post that stores answers 303 (off to the thank-you page). That last post
# holds every answer of the walk.
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
    # a number is a text input with a numeric keyboard (the reader's own digits are accepted) or a number input
    grep -o '<input type="[a-z]*" inputmode="numeric"[^>]*>' "$page" | while read -r input; do
      name=$(sed 's/.*name="\([^"]*\)".*/\1/' <<< "$input")
      value=$(grep -o ' min="[^"]*"' <<< "$input" | sed 's/ min="\(.*\)"/\1/')
      printf '%s\t%s\n' "$name" "${value:-2}"
    done
    grep -o '<input type="[a-z]*" inputmode="decimal"[^>]*name="q\.[^"]*"' "$page" | sed 's/.*name="\([^"]*\)"/\1\t2.5/'
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


# The reference: rows like one a run stored (its answers with their null slots, its questions not asked), inserted
# straight into PostgreSQL, durably (synchronous commit), by $2 clients, $3 rows per transaction, into a copy of
# survey_response (same columns, defaults, constraints and indexes) that is dropped at the end. Prints rows per second.
durable_reference() {
  local run="$1" clients="$2" rows="$3" row survey_id wave_number row_language age gender region knowledge answer_list \
      not_asked_list tps
  psql -q <<SQL
drop schema if exists submission_bench cascade;
create schema submission_bench;
create table submission_bench.survey_response (like campaign.survey_response including defaults including constraints
    including indexes);
SQL
  row=$(psql -tAq -c "select survey_id, wave, language, age_band, gender, region, coalesce(knowledge_score::text, 'null'),
                             array_to_string(answers, ',', 'NULL'), array_to_string(not_asked, ',')
                      from campaign.survey_response where idempotency_key::text like '$run-%' limit 1" | tr '|' ' ')
  read -r survey_id wave_number row_language age gender region knowledge answer_list not_asked_list <<< "$row"
  cat > "$work/insert.sql" <<SQL
insert into submission_bench.survey_response (survey_id, wave, idempotency_key, source, language, age_band, gender,
    region, knowledge_score, answers, not_asked)
select $survey_id, $wave_number, gen_random_uuid(), 'web', '$row_language', $age, $gender, $region,
    $knowledge, '{$answer_list}', '{$not_asked_list}' from generate_series(1, $rows);
SQL
  local before after TIMEFORMAT="%U %S"
  before=$(postgres_ticks)
  { time pgbench -n -c"$clients" -j"$(( clients < 2 ? 1 : 2 ))" -T"$seconds" -f "$work/insert.sql" \
      > "$work/pgbench.txt" 2>/dev/null; } 2> "$work/pgbench-cpu.txt"
  after=$(postgres_ticks)
  tps=$(awk '/^tps/ { print $3 }' "$work/pgbench.txt")
  # CPU per durable insert, for the reference line of run.sh: the server's and pgbench's own
  awk '/transactions actually processed/ { print $NF }' "$work/pgbench.txt" | sed 's|/.*||' > "$work/pgbench-count.txt"
  reference_rows=$(( $(cat "$work/pgbench-count.txt") * rows ))
  printf '%s %s\n' "$(cpu_ms_per "$before" "$after" "$reference_rows")" \
      "$(client_cpu_ms_per "$work/pgbench-cpu.txt" "$reference_rows")" > "$work/reference-cpu.txt"
  psql -q -c "drop schema submission_bench cascade"
  awk -v tps="$tps" -v rows="$rows" 'BEGIN { printf "%.0f", tps * rows }'
}

durability() {
  echo "fsync $(psql -tAq -c 'show fsync'), synchronous_commit $(psql -tAq -c 'show synchronous_commit')"
}

# CPU time, which a machine shared with other work changes far less than a rate: clock ticks (utime + stime of
# /proc/<pid>/stat) of one process, of an application of this checkout, and of the whole PostgreSQL server (the
# postmaster, its children now, and the children it reaped since it started: their time is in its cutime + cstime).
ticks_per_second=$(getconf CLK_TCK)
process_ticks() { # pid, with_reaped_children (1 or 0)
  # the fields after the command name, which may hold spaces: state is field 1, utime 12, stime 13, cutime 14, cstime 15
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null || true)   # a process may end between listing and reading
  [ -n "$stat" ] || { echo 0; return; }
  sed 's/^.*) //' <<< "$stat" | awk -v reaped="$2" '{ print $12 + $13 + (reaped ? $14 + $15 : 0) }'
}
application_pid() {
  pgrep -f "$repository/$1/target/quarkus-app/quarkus-run.jar" | head -1 || true
}
postgres_pid=$(head -1 "$(psql -tAq -c 'show data_directory')/postmaster.pid" 2>/dev/null || true)
postgres_ticks() {
  local total child
  total=$(process_ticks "$postgres_pid" 1)
  for child in $(pgrep -P "$postgres_pid"); do
    total=$((total + $(process_ticks "$child" 0)))
  done
  echo "$total"
}
# Milliseconds of CPU per item: ticks before and after, and the number of items.
cpu_ms_per() {
  awk -v from="$1" -v to="$2" -v n="$3" -v hz="$ticks_per_second" \
      'BEGIN { if (n > 0) printf "%.2f", (to - from) * 1000 / hz / n; else print "-" }'
}
# user + system seconds of a command's children, as bash's time keyword reports them (TIMEFORMAT="%U %S")
client_cpu_ms_per() { # file with "user sys", number of items
  awk -v n="$2" '{ if (n > 0) printf "%.2f", ($1 + $2) * 1000 / n; else print "-" }' "$1"
}
