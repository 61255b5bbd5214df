#!/usr/bin/env bash
# Page weight: what a reader downloads for each page on a first visit, compressed, as the
# published site serves it: the HTML plus the stylesheet(s) and any fonts it loads.
# Target: every English page at most 30 KB (30,000 bytes). Exits 1 if one is over.
#
#   bench/page-weight/page-weight.sh                 publish, start the site, measure, stop it
#   bench/page-weight/page-weight.sh http://host:80  measure a site that is already running
#
# Needs bash, curl, perl and the .NET SDK. Sizes are bytes on the wire: response headers + body.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
limit=30000
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

base=${1:-}
if [ -z "$base" ]; then
  # A real publish: MapStaticAssets serves the brotli and gzip copies made at publish time.
  echo "publishing the site (Release)…" >&2
  dotnet publish src/BoneTumorInfo.Web -c Release --artifacts-path "$work/art" -p:UseAppHost=false >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 1; }
  app=$(find "$work/art/publish" -name BoneTumorInfo.Web.dll | head -n 1)
  port=$((20000 + RANDOM % 20000))
  base="http://127.0.0.1:$port"
  (cd "$(dirname "$app")" && ASPNETCORE_ENVIRONMENT=Production Content__RootPath="$repo/content" \
     Appointments__DataDirectory="$work/data" DataProtection__KeysDirectory="$work/keys" \
     exec dotnet BoneTumorInfo.Web.dll --urls "$base") >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$base/" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.2
  done
fi

# Bytes on the wire for one URL, as a browser asking for brotli or gzip gets it.
wire() {
  local out
  out=$(curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' -w '%{http_code} %{size_header} %{size_download}' "$1")
  [ "${out%% *}" = 200 ] || { echo "page-weight: $1 answered ${out%% *}" >&2; exit 1; }
  echo "$out" | awk '{ print $2 + $3 }'
}

# Every published page, from the files (index.md is its folder; drafts are not pages).
pages() {
  # Pages live under content/<language>/; anything beside those folders (a README) is not one.
  find content -mindepth 2 -name '*.md' | sort | while read -r file; do
    head -n 30 "$file" | grep -qx 'draft: true' && continue
    lang=${file#content/}; lang=${lang%%/*}
    slug=${file#content/$lang/}; slug=${slug%.md}
    [ "$slug" = index ] && slug="" || slug=${slug%/index}
    prefix=""; [ "$lang" = en ] || prefix="/$lang"
    url="$prefix/$slug"; [ "$url" = "/" ] || url=${url%/}
    echo "$url"
  done
  echo /appointments/request
}

printf '%-52s %8s %8s %8s %9s\n' page html css fonts total
over=0; max=0; max_page=""; count=0; sum=0
while read -r page; do
  if ! html_text=$(curl -fs --compressed "$base$page"); then
    printf '%-52s %s\n' "$page" "FAILED (not a 200 answer)"; over=$((over + 1)); continue
  fi
  html=$(wire "$base$page")
  css=0; fonts=0
  for href in $(printf '%s' "$html_text" | { grep -o '<link rel="stylesheet" href="[^"]*"' || true; } | sed 's/.*href="//; s/"$//'); do
    css=$((css + $(wire "$base$href")))
    css_dir=$(dirname "$href")
    # Fonts the stylesheet loads (comments stripped first: a commented-out @font-face loads nothing).
    for font in $(curl -fs --compressed "$base$href" | perl -0pe 's{/\*.*?\*/}{}gs' | { grep -o 'url([^)]*\.woff2[^)]*)' || true; } \
                  | sed "s/url(//; s/)//; s/[\"']//g" | sort -u); do
      case "$font" in /*) ;; *) font=$(realpath -m "$css_dir/$font") ;; esac
      fonts=$((fonts + $(wire "$base$font")))
    done
  done
  total=$((html + css + fonts))
  flag=""
  case "$page" in /bn|/bn/*) ;; *)
    if [ "$total" -gt "$limit" ]; then flag="  OVER"; over=$((over + 1)); fi
    if [ "$total" -gt "$max" ]; then max=$total; max_page=$page; fi
    count=$((count + 1)); sum=$((sum + total)) ;;
  esac
  printf '%-52s %8d %8d %8d %9d%s\n' "$page" "$html" "$css" "$fonts" "$total" "$flag"
done < <(pages)

echo
printf 'English pages: %d, average %.1f KB, largest %.1f KB (%s); limit %d KB\n' \
  "$count" "$(awk "BEGIN { print $sum / $count / 1000 }")" "$(awk "BEGIN { print $max / 1000 }")" "$max_page" $((limit / 1000))
if [ "$over" -gt 0 ]; then echo "$over English page(s) over the limit"; exit 1; fi
echo "every English page is under the limit"
