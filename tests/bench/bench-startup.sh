#!/usr/bin/env bash
# Start-up to the first frame, and peak memory, of Casebrief on the big brief beside
# GNOME Text Editor on the same opinion text, in the same run and on the same display.
# Each program is started RUNS times with a fresh home, its window at 1200×800 so that
# both draw the same pixels; a probe loaded into it
# (libbench-first-frame.so) prints the time from the process's start to the first
# frame of its first window that shows the opinion's text (a million characters in a
# text view), and the peak resident memory (VmHWM) two seconds later.
#
#   bench-startup.sh CASEBRIEF PROBE MAKE_INPUTS
set -euo pipefail

casebrief=$1 probe=$2 make_inputs=$3
runs=${BENCH_RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$make_inputs" "$work/inputs" >/dev/null

# Runs one program with the probe; prints "first_frame_ms peak_kb".
measure() {
  local home="$work/home-$RANDOM"
  mkdir -p "$home"
  local log="$home/stderr"
  HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache \
    XDG_STATE_HOME=$home/state NO_AT_BRIDGE=1 GSETTINGS_BACKEND=memory \
    LD_PRELOAD=$probe BENCH_SETTLE_MS=2000 BENCH_MIN_CHARS=1000000 BENCH_WINDOW_SIZE=1200x800 \
    CASEBRIEF_PROFILE=1 \
    CASEBRIEF_DATADIR=${CB_SOURCE_ROOT:+$CB_SOURCE_ROOT/data} \
    timeout 60 env -u G_DEBUG "$@" >/dev/null 2>"$log" || true
  local frame peak
  frame=$(sed -n 's/^bench-first-frame: first-frame-ms \([0-9.]*\).*/\1/p' "$log" | head -1)
  peak=$(sed -n 's/^bench-first-frame: settled-peak-rss-kb \([0-9]*\).*/\1/p' "$log" | head -1)
  if [ -z "$frame" ] || [ -z "$peak" ]; then
    echo "bench-startup: no first frame from $1; its output:" >&2
    tail -5 "$log" >&2
    return 1
  fi
  grep '^casebrief-profile: first frame' "$log" >&2 || true
  echo "$frame $peak"
}

stats() {  # median min max of the numbers on stdin
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.3f\t%.3f\t%.3f", m, v[1], v[NR] }'
}

 # Each with GTK's default renderer (OpenGL, which on a machine without a GPU is Mesa's
# software rasterizer compiling every shader on the CPU), and again with the Cairo
# renderer, which shows the programs' own work without the GL driver's.
for renderer in gl cairo; do
  : >"$work/cb-$renderer" ; : >"$work/gte-$renderer"
  for ((i = 0; i < runs; i++)); do
    GSK_RENDERER=$renderer measure "$casebrief" "$work/inputs/big.brief" >>"$work/cb-$renderer"
    GSK_RENDERER=$renderer measure gnome-text-editor --standalone "$work/inputs/opinion.txt" >>"$work/gte-$renderer"
  done
done

report() {  # path unit column divisor renderer
  local ours peer ratio
  ours=$(awk -v c="$3" -v d="$4" '{ print $c / d }' "$work/cb-$5" | stats)
  peer=$(awk -v c="$3" -v d="$4" '{ print $c / d }' "$work/gte-$5" | stats | cut -f1)
  ratio=$(awk -v a="$(cut -f1 <<<"$ours")" -v b="$peer" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
  printf '%s: %s %s (median, min, max of %d runs); gnome-text-editor %s; ratio %s\n' \
    "$1" "$(tr '\t' ' ' <<<"$ours")" "$2" "$runs" "$peer" "$ratio"
  printf 'BENCH\t%s\t%s\t%s\tgnome-text-editor\t%s\t%s\n' "$1" "$2" "$ours" "$peer" "$ratio"
}
report "start-up to first frame (big brief)" ms 1 1 gl
report "peak memory, big brief open" MB 2 1024 gl
report "start-up to first frame, Cairo renderer" ms 1 1 cairo
report "peak memory, Cairo renderer" MB 2 1024 cairo
