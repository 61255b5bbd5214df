#!/usr/bin/env bash
# Lighthouse (mobile, its default simulated throttling) on the published site in Production:
# performance three times per page (the median is the figure), SEO and accessibility once.
# Pages: the home page and the heaviest page (the largest HTML among the sitemap's pages),
# plus any given as arguments.
#
#   bench/lighthouse/run.sh                    # about 3 minutes
#   bench/lighthouse/run.sh /bn/glossary       # and these pages too
#
# Needs the .NET SDK, python3, curl, node with npm (Lighthouse 12.8.2 is installed once into
# ${LIGHTHOUSE_DIR:-~/.cache/bti-lighthouse}) and Chromium at ${CHROME_PATH:-/usr/bin/chromium}.
# Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
chrome=${CHROME_PATH:-/usr/bin/chromium}
lh_dir=${LIGHTHOUSE_DIR:-$HOME/.cache/bti-lighthouse}
for tool in dotnet python3 curl node npm; do
  command -v "$tool" >/dev/null || { echo "needs $tool (see the top of $0)" >&2; exit 1; }
done
[ -x "$chrome" ] || { echo "needs Chromium at $chrome (apt-get install chromium)" >&2; exit 1; }
lighthouse="$lh_dir/node_modules/lighthouse/cli/index.js"
if [ ! -f "$lighthouse" ]; then
  echo "installing Lighthouse 12.8.2 into $lh_dir…" >&2
  mkdir -p "$lh_dir"
  npm install --prefix "$lh_dir" --no-audit --no-fund lighthouse@12.8.2 >&2
fi

work=$(mktemp -d)
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"

echo "load before: $(uptime)"
echo "publishing the site (Release)…" >&2
dotnet publish src/BoneTumorInfo.Web -c Release -o "$work/app" -p:UseAppHost=false >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
(cd "$work" && ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Production Site__PublicUrl="$base" \
  Content__RootPath="$repo/content" Appointments__DataDirectory="$work/data" \
  exec dotnet "$work/app/BoneTumorInfo.Web.dll" >"$work/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 600); do curl -fs -o /dev/null "$base/" && break; sleep 0.1; done
curl -fs -o /dev/null "$base/" || { cat "$work/app.log" >&2; exit 1; }

# The heaviest page: the largest HTML of every address in the sitemap.
heaviest=$(curl -fs "$base/sitemap.xml" | python3 -c '
import re, sys, urllib.request
sizes = []
for url in re.findall(r"<loc>([^<]+)</loc>", sys.stdin.read()):
    with urllib.request.urlopen(url) as r:
        sizes.append((len(r.read()), url))
size, url = max(sizes)
print(url.split("/", 3)[3] if url.count("/") >= 3 else "")')
pages=("/" "/$heaviest" "$@")

flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
run_lighthouse() { # page categories output
  CHROME_PATH="$chrome" node "$lighthouse" "$base$1" --only-categories="$2" --output=json --output-path="$3" \
    --chrome-flags="$flags" --quiet >/dev/null 2>&1
}

printf '%-45s %5s %7s %7s %7s %5s %5s\n' page perf tbt_ms fcp_ms lcp_ms seo a11y
for page in "${pages[@]}"; do
  for i in 1 2 3; do run_lighthouse "$page" performance "$work/perf-$i.json"; done
  run_lighthouse "$page" seo,accessibility "$work/seo.json"
  python3 - "$page" "$work" <<'PY'
import json, statistics, sys
page, work = sys.argv[1], sys.argv[2]
runs = [json.load(open(f"{work}/perf-{i}.json")) for i in (1, 2, 3)]
def median(f): return statistics.median(f(r) for r in runs)
perf = median(lambda r: r["categories"]["performance"]["score"] * 100)
tbt = median(lambda r: r["audits"]["total-blocking-time"]["numericValue"])
fcp = median(lambda r: r["audits"]["first-contentful-paint"]["numericValue"])
lcp = median(lambda r: r["audits"]["largest-contentful-paint"]["numericValue"])
seo = json.load(open(f"{work}/seo.json"))["categories"]
each = " ".join(f'{r["categories"]["performance"]["score"] * 100:.0f}/{r["audits"]["total-blocking-time"]["numericValue"]:.0f}' for r in runs)
print(f'{page:45.45} {perf:5.0f} {tbt:7.0f} {fcp:7.0f} {lcp:7.0f} {seo["seo"]["score"] * 100:5.0f} {seo["accessibility"]["score"] * 100:5.0f}   runs (perf/tbt): {each}')
PY
done
echo "medians of three runs; Lighthouse $(node "$lighthouse" --version), mobile, simulated throttling"
echo "load after: $(uptime)"
