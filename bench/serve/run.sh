#!/usr/bin/env bash
# Serving benchmark: the published site against nginx serving the same page's bytes, plus
# start-up, memory and edit-to-visible times for the real content and for 10,000 pages.
#
#   bench/serve/run.sh                     everything (about 6 minutes with the default 10 s runs)
#   DURATION=20s ROUNDS=3 bench/serve/run.sh
#   ONLY=throughput|startup bench/serve/run.sh
#
# Throughput: wrk (64 connections, 2 threads, loopback) against the app and nginx in turn,
# A B A B A B, for no compression, gzip and br. nginx serves the page the app sent, saved as
# page.html with page.html.br (brotli -q 11) and page.html.gz (gzip -9) beside it
# (brotli_static, gzip_static). Both log every request: the app's Serilog request log to
# stdout (sent to a file), nginx's access_log with a 64 KB buffer.
# Start-up: launch to the first 200 of a content page (median of 3), and RSS two seconds after
# the search index (built in the background a moment after start-up) is built.
# Edits: an edited, an added and a deleted page, until a request shows the change.
#
# Needs the .NET SDK, python3, curl, wrk, nginx with the brotli_static module, brotli, gzip
# (Debian: apt-get install nginx libnginx-mod-http-brotli-static brotli wrk). nginx runs as this
# user's own process with its own config and prefix in a temporary folder; the system's nginx
# service is never touched. Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
duration=${DURATION:-10s}
rounds=${ROUNDS:-3}
only=${ONLY:-all}
step=/bone-tumor-surgery/anaesthesia
pages=10000

for tool in dotnet python3 curl wrk nginx brotli gzip; do
  command -v "$tool" >/dev/null || { echo "needs $tool (see the top of $0)" >&2; exit 1; }
done
module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
[ -f "$module" ] || { echo "needs $module (apt-get install libnginx-mod-http-brotli-static)" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
app_pid=""
nginx_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -n "$nginx_pid" ]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "load before: $(uptime)"
echo "publishing the site (Release)…" >&2
dotnet publish src/BoneTumorInfo.Web -c Release -o "$work/app" -p:UseAppHost=false >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
app="$work/app/BoneTumorInfo.Web.dll"
cp -r "$repo/content" "$work/content"

wait_for() { # url
  for _ in $(seq 1 600); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.05; done
  echo "no answer from $1" >&2; return 1
}

# wrk prints Requests/sec and, with --latency, the 50% and 99% lines; print "rps p50_ms p99_ms".
run_wrk() { # url encoding
  local header=()
  [ "$2" != identity ] && header=(-H "Accept-Encoding: $2")
  wrk -t2 -c64 -d"$duration" --latency "${header[@]}" "$1" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: sys.exit("non-2xx responses: " + errors.group(1))
print(f"{rps:.0f} {p50:.2f} {p99:.2f}")'
}

if [ "$only" = all ] || [ "$only" = throughput ]; then
  port=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Content__RootPath="$work/content" Appointments__DataDirectory="$work/data" \
    dotnet "$app" >"$work/app.log" 2>&1 &
  app_pid=$!
  wait_for "http://127.0.0.1:$port$step"

  # The same bytes for nginx: the app's page, compressed at the highest levels.
  mkdir -p "$work/nginx/html" "$work/nginx/logs" "$work/nginx/tmp"
  curl -fsS "http://127.0.0.1:$port$step" -o "$work/nginx/html/page.html"
  brotli -q 11 -k -o "$work/nginx/html/page.html.br" "$work/nginx/html/page.html"
  gzip -9 -k -c "$work/nginx/html/page.html" >"$work/nginx/html/page.html.gz"
  nport=$(free_port)
  cat >"$work/nginx/nginx.conf" <<CONF
load_module $module;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 1024; }
http {
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  access_log $work/nginx/logs/access.log combined buffer=64k flush=1s;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nport;
    root $work/nginx/html;
    location = /page { try_files /page.html =404; gzip_static on; brotli_static on; add_header Vary Accept-Encoding; }
  }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  wait_for "http://127.0.0.1:$nport/page"
  for enc in br gzip; do
    got=$(curl -fsS -H "Accept-Encoding: $enc" -D - -o /dev/null "http://127.0.0.1:$nport/page" | tr -d '\r' | grep -i '^content-encoding:' || true)
    [ -n "$got" ] || { echo "nginx does not serve the $enc file" >&2; exit 1; }
  done
  echo "page: $step ($(wc -c <"$work/nginx/html/page.html") bytes; br $(wc -c <"$work/nginx/html/page.html.br"), gzip $(wc -c <"$work/nginx/html/page.html.gz"))"

  # Warm both (the app stores each form on its first request; the JIT settles).
  for enc in identity gzip br; do
    DURATION=3s run_wrk "http://127.0.0.1:$port$step" "$enc" >/dev/null
    run_wrk "http://127.0.0.1:$nport/page" "$enc" >/dev/null
  done

  printf '%-9s %-6s %9s %8s %8s\n' encoding server req/s p50_ms p99_ms
  for enc in identity gzip br; do
    app_rps=(); nginx_rps=(); app_p99=(); nginx_p99=()
    for round in $(seq 1 "$rounds"); do
      read -r rps p50 p99 < <(run_wrk "http://127.0.0.1:$port$step" "$enc")
      printf '%-9s %-6s %9s %8s %8s\n' "$enc" app "$rps" "$p50" "$p99"
      app_rps+=("$rps"); app_p99+=("$p99")
      read -r rps p50 p99 < <(run_wrk "http://127.0.0.1:$nport/page" "$enc")
      printf '%-9s %-6s %9s %8s %8s\n' "$enc" nginx "$rps" "$p50" "$p99"
      nginx_rps+=("$rps"); nginx_p99+=("$p99")
    done
    python3 - "$enc" "${app_rps[*]}" "${nginx_rps[*]}" "${app_p99[*]}" "${nginx_p99[*]}" <<'PY'
import statistics, sys
enc, a, n, ap, np_ = sys.argv[1], *[list(map(float, v.split())) for v in sys.argv[2:]]
ra, rn = statistics.median(a), statistics.median(n)
pa, pn = statistics.median(ap), statistics.median(np_)
print(f"== {enc}: app {ra:.0f} req/s vs nginx {rn:.0f} req/s: {ra/rn:.2f}x; p99 {pa:.2f} ms vs {pn:.2f} ms: {pa/pn:.2f}x (medians)")
PY
  done
  echo "request log lines: app $(grep -c 'RequestLoggingMiddleware\|BoneTumorInfo.Requests' "$work/app.log"), nginx $(wc -l <"$work/nginx/logs/access.log")"
  kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=""
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
fi

if [ "$only" = all ] || [ "$only" = startup ]; then
  echo "generating $pages pages…" >&2
  python3 bench/serve/measure.py generate "$repo/content" "$work/content-10k" "$pages"
  echo "real content:  $(python3 bench/serve/measure.py startup "$app" "$work/content" "$(free_port)" "$work/startup.log" "$step" 3)"
  echo "$pages pages:  $(python3 bench/serve/measure.py startup "$app" "$work/content-10k" "$(free_port)" "$work/startup.log" "$step" 3)"
  echo "real content:  $(python3 bench/serve/measure.py edits "$app" "$work/content" "$(free_port)" "$work/edits.log" en/bone-tumor-surgery/anaesthesia.md "$step")"
  echo "$pages pages:  $(python3 bench/serve/measure.py edits "$app" "$work/content-10k" "$(free_port)" "$work/edits.log" en/generated/section-005/page-00005.md /generated/section-005/page-00005)"
fi
echo "load after: $(uptime)"
