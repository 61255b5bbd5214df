#!/usr/bin/env bash
# Page weight: what a reader downloads for each page on a first visit, compressed, as the
# published site serves it: the HTML plus the stylesheet(s) and the fonts the page makes the
# browser fetch.
# Targets: every English page at most 30 KB (30,000 bytes) and fetching no font; every Bengali
# page at most 70 KB (70,000 bytes), its Bengali web font included. Exits 1 if one is over.
#
# Which fonts a page fetches: a browser fetches an @font-face font only when the page draws a
# character in that font's unicode-range and no font before it in the stack (nor a local() copy)
# has one. The worst case is a phone with no Bengali font, so a font is counted for a page when the
# page's drawn text (its body, without tags, attribute values, scripts and SVG titles) holds a
# character in the font's unicode-range: every Bengali page fetches the Bengali font; an English
# page must not.
#
#   bench/page-weight/page-weight.sh                 publish, start the site, measure, stop it
#   bench/page-weight/page-weight.sh http://host:80  measure a site that is already running
#
# Needs bash, curl, perl and the .NET SDK. Sizes are bytes on the wire: response headers + body.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
limit=30000      # English pages
limit_bn=70000   # Bengali pages (/bn/...)
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

# The @font-face fonts a stylesheet declares, one per line: the font's URL (relative ones resolved
# against the stylesheet's), a tab, then its unicode-range as a Perl character class (empty: all
# characters). Comments are stripped first: a commented-out @font-face loads nothing.
font_faces() {
  local href=$1
  curl -fs --compressed "$base$href" | perl -0ne '
    s{/\*.*?\*/}{}gs;
    while (/\@font-face\s*\{(.*?)\}/gs) {
      my $face = $1;
      my ($url) = $face =~ /url\(\s*["\x27]?([^"\x27)]*\.woff2[^"\x27)]*)["\x27]?\s*\)/ or next;
      my $class = "";
      if ($face =~ /unicode-range\s*:\s*([^;]*)/) {
        for my $range (split /\s*,\s*/, $1) {
          $range =~ s/^\s*U\+//i or next;
          my ($from, $to) = split /-/, $range;
          if (!defined $to) { ($from, $to) = ($from =~ tr/?/0/r, $from =~ tr/?/F/r); }
          $class .= sprintf "\\x{%X}-\\x{%X}", hex $from, hex $to;
        }
      }
      print "$url\t$class\n";
    }'
}

# Does this HTML draw a character of the class? Text in <head>, <script>, <template>, an SVG
# <title> or an attribute value (an aria-label, a title) is never drawn.
draws() {
  local class=$1
  [ -z "$class" ] && return 0
  CLASS=$class perl -CSD -0ne '
    s{<head\b.*?</head>}{}gis; s{<(script|style|template|title)\b.*?</\1>}{}gis; s{<[^>]*>}{}gs;
    exit(/[$ENV{CLASS}]/ ? 0 : 1)'
}

echo "A font counts for a page when the page draws a character in the font's unicode-range (worst"
echo "case: no local font has it). So every Bengali page fetches the Bengali font; no English page may."
echo
printf '%-52s %8s %8s %8s %9s\n' page html css fonts total
over=0; max=0; max_page=""; count=0; sum=0
bn_count=0; bn_sum=0; bn_max=0; bn_max_page=""; bn_min=0; min=0
while read -r page; do
  if ! html_text=$(curl -fs --compressed "$base$page"); then
    printf '%-52s %s\n' "$page" "FAILED (not a 200 answer)"; over=$((over + 1)); continue
  fi
  # The page's first reader (the fetch above) gets quick compression; the store puts the
  # highest levels in place a moment later, and every later reader gets those.
  sleep 0.2
  html=$(wire "$base$page")
  css=0; fonts=0
  for href in $(printf '%s' "$html_text" | { grep -o '<link rel="stylesheet" href="[^"]*"' || true; } | sed 's/.*href="//; s/"$//'); do
    css=$((css + $(wire "$base$href")))
    css_dir=$(dirname "$href")
    while IFS=$'\t' read -r font class; do
      [ -n "$font" ] || continue
      printf '%s' "$html_text" | draws "$class" || continue
      case "$font" in /*) ;; *) font=$(realpath -m "$css_dir/$font") ;; esac
      fonts=$((fonts + $(wire "$base$font")))
    done < <(font_faces "$href")
  done
  total=$((html + css + fonts))
  flag=""
  case "$page" in
    /bn|/bn/*)
      if [ "$total" -gt "$limit_bn" ]; then flag="  OVER"; over=$((over + 1)); fi
      if [ "$total" -gt "$bn_max" ]; then bn_max=$total; bn_max_page=$page; fi
      if [ "$bn_min" -eq 0 ] || [ "$total" -lt "$bn_min" ]; then bn_min=$total; fi
      bn_count=$((bn_count + 1)); bn_sum=$((bn_sum + total)) ;;
    *)
      if [ "$total" -gt "$limit" ]; then flag="  OVER"; over=$((over + 1)); fi
      if [ "$fonts" -gt 0 ]; then flag="$flag  FETCHES A FONT (draws Bengali text)"; over=$((over + 1)); fi
      if [ "$total" -gt "$max" ]; then max=$total; max_page=$page; fi
      if [ "$min" -eq 0 ] || [ "$total" -lt "$min" ]; then min=$total; fi
      count=$((count + 1)); sum=$((sum + total)) ;;
  esac
  printf '%-52s %8d %8d %8d %9d%s\n' "$page" "$html" "$css" "$fonts" "$total" "$flag"
done < <(pages)

echo
kb() { awk "BEGIN { printf \"%.1f\", $1 / 1000 }"; }
printf 'English pages: %d, smallest %s KB, average %s KB, largest %s KB (%s); limit %d KB, no font\n' \
  "$count" "$(kb "$min")" "$(kb "$((count ? sum / count : 0))")" "$(kb "$max")" "$max_page" $((limit / 1000))
if [ "$bn_count" -gt 0 ]; then
  printf 'Bengali pages: %d, smallest %s KB, average %s KB, largest %s KB (%s); limit %d KB, font included\n' \
    "$bn_count" "$(kb "$bn_min")" "$(kb "$((bn_sum / bn_count))")" "$(kb "$bn_max")" "$bn_max_page" $((limit_bn / 1000))
fi
if [ "$over" -gt 0 ]; then echo "$over problem(s): page(s) over the limit, or English page(s) fetching a font"; exit 1; fi
echo "every page is under its limit and no English page fetches a font"
