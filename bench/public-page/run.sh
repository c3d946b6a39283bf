#!/usr/bin/env bash
# Public campaign page through the gateway (PRODUCT.md §9: >= 5,000 requests/s, p99 < 50 ms), next to nginx
# serving the very same bytes, measured in the same run on the same machine.
# Needs a running local stack (./devstack/run.sh) and Debian's wrk and nginx (apt-get install -y wrk nginx).
set -euo pipefail
gateway="${BEACON_GATEWAY_URL:-http://127.0.0.1:8080}"
page="${BEACON_BENCH_PAGE:-/campaigns/public/safe-journeys/fr}"
seconds="${BEACON_BENCH_SECONDS:-20}"
connections="${BEACON_BENCH_CONNECTIONS:-64}"
nginx_port="${BEACON_BENCH_NGINX_PORT:-8098}"

work=$(mktemp -d)
trap 'kill "$(cat "$work/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT

curl -sf "$gateway$page" -o "$work/page.html"
echo "page $page: $(wc -c < "$work/page.html") bytes"

mkdir -p "$work/root"
cp "$work/page.html" "$work/root/index.html"
chmod -R a+rX "$work"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/root;
    location / { default_type text/html; try_files /index.html =404; }
  }
}
CONF
nginx -c "$work/nginx.conf"

measure() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk -v name="$2" '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx/ { errors = $NF }
    END { printf "%-28s %10s req/s   p99 %8s   non-2xx %s\n", name, rps, p99, (errors == "" ? 0 : errors) }'
}

wrk -t2 -c"$connections" -d5s "$gateway$page" > /dev/null   # warm-up: JIT and connection pools
measure "$gateway$page" "gateway (Beacon)"
measure "http://127.0.0.1:$nginx_port/" "nginx, same bytes (reference)"
