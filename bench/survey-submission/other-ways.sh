#!/usr/bin/env bash
# The other ways answers come in (issue 15, point 2), measured like the web form in run.sh: rows stored per second next
# to PostgreSQL's own durable inserts of the same rows, in the same run on the same machine.
#   1. paper answers uploaded by a manager (a CSV in the answers template's layout, one file per request, one
#      transaction per file), through the gateway's API;
#   2. OpenRosa submissions as ODK Collect sends them (multipart xml_submission_file) through a collection link, with
#      wrk, each with its own instanceID.
#
# Needs a running local stack whose per-survey and per-link limits are raised above what the bench sends:
#   BEACON_SURVEYS_RATE_LIMIT_PER_SECOND=100000 BEACON_SURVEYS_RATE_LIMIT_BURST=100000 \
#   BEACON_COLLECT_RATE_LIMIT_PER_SECOND=100000 BEACON_COLLECT_RATE_LIMIT_BURST=100000 ./devstack/run.sh
# and curl, wrk, psql, pgbench and python3. It signs in as the demo manager through the stack's beacon-tests client
# (its secret is in the stack's home, .devstack unless BEACON_DEVSTACK_HOME says otherwise).
set -euo pipefail
repository="$(cd "$(dirname "$0")/../.." && pwd)"
keycloak="${BEACON_KEYCLOAK_URL:-http://127.0.0.1:8180}"
home="${BEACON_DEVSTACK_HOME:-$repository/.devstack}"
upload_rows="${BEACON_BENCH_UPLOAD_ROWS:-2000}"
uploads="${BEACON_BENCH_UPLOADS:-5}"

# The answers of one walk through the web form (common.sh), as field -> values: what a paper form or a phone holds.
source "$(dirname "$0")/common.sh"
printf '%s' "$answers" > "$work/answers.txt"

secret=$(sed -n 's/^test-client-secret=//p' "$home/secrets.properties")
# A fresh access token for each call: the realm's tokens live a minute.
bearer() {
  printf 'Authorization: Bearer %s' "$(curl -sf -d "grant_type=password&client_id=beacon-tests&client_secret=$secret&username=manager&password=beacon-demo" \
      "$keycloak/realms/beacon/protocol/openid-connect/token" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')"
}
survey_id=$(psql -tAq -c "select id from campaign.survey where slug = '$survey'")
api="$gateway/campaigns/api/surveys/$survey_id"

# 1. Uploads: files of $upload_rows rows in the template's columns, each row with its own _uuid, sent one after the
# other (as a manager uploads a day's interviews); the rate is the rows the answers say were stored over the time
# the uploads took.
curl -sf -H "$(bearer)" "$api/answers-template.csv" -o "$work/template.csv"
upload_csv() { # run, file number
  python3 - "$work/template.csv" "$work/answers.txt" "$1" "$2" "$upload_rows" "$language" <<'PY'
import csv, sys, urllib.parse
template, answers, run, number, rows, language = sys.argv[1:]
header = next(csv.reader(open(template, encoding="utf-8")))
given = {}
for name, value in urllib.parse.parse_qsl(open(answers, encoding="utf-8").read(), keep_blank_values=True):
    if name.startswith("q."):
        given.setdefault(name[2:], []).append(value)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(header + ["_uuid", "_lang"])
for row in range(int(rows)):
    out.writerow([" ".join(given.get(column, [])) for column in header]
                 + ["%s-0000-4000-8%03x-%012x" % (run, int(number), row), language])
PY
}
upload_run=$(run_id)
upload_stored=0
upload_started=$(date +%s.%N)
for number in $(seq 1 "$uploads"); do
  upload_csv "$upload_run" "$number" > "$work/upload.csv"
  header=$(bearer)
  status=$(curl -s -o "$work/report.json" -w '%{http_code}' -H "$header" -F "file=@$work/upload.csv;type=text/csv" \
      "$api/waves/$wave/answers")
  if [ "$status" != 200 ]; then
    echo "upload $number answered $status: $(head -c 2000 "$work/report.json")" >&2
    exit 1
  fi
  stored=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["stored"])' "$work/report.json")
  upload_stored=$((upload_stored + stored))
done
upload_seconds=$(awk -v from="$upload_started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.2f", to - from }')
upload_load=$(cut -d' ' -f1-3 /proc/loadavg)
upload_rows_stored=$(count_stored "$upload_run")

# 2. OpenRosa: a collection link for the wave, its XForm's instance filled with the walk's answers, sent by wrk with
# an instanceID of its own per request (run, thread, counter); 201 means stored.
link=$(curl -sf -H "$(bearer)" -H 'Content-Type: application/json' \
    -d "{\"wave\":\"$wave\",\"name\":\"submission bench\"}" "$api/collection-links" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
collect="$gateway/campaigns/collect/$link"
curl -sf "$collect/formList" -o "$work/formList.xml"
download=$(python3 -c 'import re, sys; print(re.search(r"<downloadUrl>([^<]*)</downloadUrl>", open(sys.argv[1]).read()).group(1))' \
    "$work/formList.xml")
curl -sf "$collect/forms/${download##*/forms/}" -o "$work/form.xml"
python3 - "$work/form.xml" "$work/answers.txt" > "$work/submission.xml" <<'PY'
import sys, urllib.parse, xml.etree.ElementTree as ET
form, answers = sys.argv[1:]
XF = "{http://www.w3.org/2002/xforms}"
instance = next(ET.parse(form).getroot().iter(XF + "instance"))
root = list(instance)[0]
given = {}
for name, value in urllib.parse.parse_qsl(open(answers, encoding="utf-8").read(), keep_blank_values=True):
    if name.startswith("q."):
        given.setdefault(name[2:], []).append(value)
def fill(element, prefix):
    for child in element:
        path = prefix + child.tag.split("}")[-1]
        if len(child):
            fill(child, path + "/")
        elif path == "meta/instanceID":
            child.text = "INSTANCE_ID"
        else:
            child.text = " ".join(given.get(path, []))
fill(root, "")
ET.register_namespace("", root.tag[1:].split("}")[0] if root.tag.startswith("{") else "")
sys.stdout.write(ET.tostring(root, encoding="unicode"))
PY
python3 - "$work/submission.xml" > "$work/collect.lua" <<'PY'
import json, sys
submission = open(sys.argv[1], encoding="utf-8").read()
print("local submission = " + json.dumps(submission))
PY
wrk_counting 201 >> "$work/collect.lua"
cat >> "$work/collect.lua" <<'LUA'
local boundary = "beacon-bench-boundary"
function request()
  counter = counter + 1
  local key = string.format("uuid:%s-0000-4000-8%03x-%012x", run, thread_id, counter)
  local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; "
    .. "filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n"
    .. string.gsub(submission, "INSTANCE_ID", key) .. "\r\n--" .. boundary .. "--\r\n"
  return wrk.format("POST", nil, {["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["X-OpenRosa-Version"] = "1.0"}, body)
end
LUA
first=$(curl -s -o "$work/first.xml" -w '%{http_code}' -H 'X-OpenRosa-Version: 1.0' \
    -F "xml_submission_file=@$work/submission.xml;type=text/xml" "$collect/submission")
if [ "$first" != 201 ]; then
  echo "the filled form was not stored (status $first): $(cat "$work/first.xml")" >&2
  exit 1
fi
wrk -t2 -c"$connections" -d5s -s "$work/collect.lua" "$collect/submission" -- "$(run_id)" > /dev/null   # warm-up
sleep 2
collect_run=$(run_id)
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/collect.lua" "$collect/submission" -- "$collect_run" \
    > "$work/wrk.txt"
collect_load=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 2
collect_rows=$(count_stored "$collect_run")
read -r seen_stored seen_refused p99 < <(grep '^SEEN' "$work/wrk.txt" | sed 's/SEEN stored=\([0-9]*\) refused=\([0-9]*\) p99=\(.*\)/\1 \2 \3/')
collect_rate=$(wrk_rate "$seen_stored" "$work/wrk.txt")

# The references, after both loads: one row per transaction by as many clients as wrk had (the phones' case), and
# one client writing a file's rows in one transaction (the upload's case).
reference=$(durable_reference "$collect_run" "$connections" 1)
file_reference=$(durable_reference "$upload_run" 1 "$upload_rows")
upload_rate=$(awk -v n="$upload_stored" -v s="$upload_seconds" 'BEGIN { printf "%.0f", n / s }')

echo
printf "%-52s %8s rows/s   (%d rows in %d files of %d, %s s; load %s)\n" "paper answers uploaded (Beacon, API)" \
    "$upload_rate" "$upload_stored" "$uploads" "$upload_rows" "$upload_seconds" "$upload_load"
printf "%-52s %8s rows/s   (%s)\n" "PostgreSQL, 1 client, $upload_rows rows per transaction" "$file_reference" \
    "$(durability)"
awk -v beacon="$upload_rate" -v postgres="$file_reference" 'BEGIN { if (postgres > 0) printf "ratio %.3f\n", beacon / postgres }'
[ "$upload_rows_stored" -eq "$upload_stored" ] \
    && echo "none lost: the $upload_stored rows the uploads reported stored are there" \
    || echo "LOST OR UNEXPECTED: uploads reported $upload_stored rows stored, $upload_rows_stored carry the run's keys"
echo
printf "%-52s %8s rows/s   p99 %s   (%d stored, %d answered with another status; load %s)\n" \
    "OpenRosa submissions through the gateway (Beacon)" "$collect_rate" "$p99" "$seen_stored" "$seen_refused" \
    "$collect_load"
printf "%-52s %8s rows/s   (%s)\n" "PostgreSQL, $connections clients, 1 row per transaction" "$reference" "$(durability)"
awk -v beacon="$collect_rate" -v postgres="$reference" 'BEGIN { if (postgres > 0) printf "ratio %.3f\n", beacon / postgres }'
if [ "$collect_rows" -ge "$seen_stored" ] && [ "$((collect_rows - seen_stored))" -le "$connections" ]; then
  echo "none lost: all $seen_stored submissions acknowledged with 201 are stored ($collect_rows rows carry this run's"
  echo "  instanceIDs; the $((collect_rows - seen_stored)) more were in flight when wrk stopped)"
else
  echo "LOST OR UNEXPECTED: $seen_stored submissions acknowledged, $collect_rows rows carry this run's instanceIDs"
fi
[ "$seen_refused" -eq 0 ] || echo "note: $seen_refused answers were not 201 (429 means the link's limit was not raised)"
