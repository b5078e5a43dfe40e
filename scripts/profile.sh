#!/usr/bin/env bash
# Where a drag frame's time goes: runs the release game (or the baseline: PROFILE=base) with the heavy
# session under Xvfb + lavapipe, drags a real pawn between two squares for PROFILE_SECS, and samples the
# whole process with `perf record` (software cpu-clock; this machine has no hardware counters). Prints the
# share of samples per library (our binary vs. Mesa's lavapipe/LLVM vs. libc ...) and the top symbols.
#
#   scripts/profile.sh          the game;  PROFILE=base scripts/profile.sh   the baseline
set -euo pipefail
cd "$(dirname "$0")/.."
command -v perf >/dev/null || apt-get install -y -q linux-perf
cargo build --release --locked --features dev --bin leerklimaat --example baseline
target="${CARGO_TARGET_DIR:-target}/release"
work="$(mktemp -d)"
export WGPU_BACKEND=vulkan
secs="${PROFILE_SECS:-10}"
"$target/leerklimaat" simulate --players 12 --statements 60 --post-its 600 --seed 7 --phase play --out "$work/heavy.ron" >/dev/null
Xvfb :77 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
export DISPLAY=:77
if [ "${PROFILE:-game}" = base ]; then
  bin="$target/examples/baseline"
  LEERKLIMAAT_SCREEN_MAP="$work/map" "$bin" >"$work/app.log" 2>&1 &
  title=baseline
else
  bin="$target/leerklimaat"
  LEERKLIMAAT_SCREEN_MAP="$work/map" "$bin" --resume "$work/heavy.ron" --save-dir "$work/saves" >"$work/app.log" 2>&1 &
  title=Leerklimaat
fi
app=$!
w=$(xdotool search --sync --onlyvisible --name "$title" | head -1)
sleep 20
xdotool windowfocus --sync "$w" 2>/dev/null || true
perf record -F 499 -e cpu-clock -g -p "$app" -o "$work/perf.data" -- sleep "$secs" >/dev/null 2>&1 &
perf_pid=$!
end=$(( $(date +%s) + secs )); sq=1
while [ "$(date +%s)" -lt "$end" ]; do
  sq=$(( sq == 1 ? 2 : 1 ))
  read -r fx fy < <(awk '$1=="pawn" && $2==1 {print $3, $4}' "$work/map")
  read -r tx ty < <(awk -v i="$sq" '$1=="square" && $2==i {printf "%d %d\n", ($3+$5)/2, ($4+$6)/2}' "$work/map")
  xdotool mousemove --window "$w" "$fx" "$fy"; sleep 0.5; xdotool mousedown 1; sleep 0.15
  for i in $(seq 1 14); do xdotool mousemove --window "$w" $(( fx + (tx - fx) * i / 14 )) $(( fy + (ty - fy) * i / 14 )); sleep 0.04; done
  sleep 0.1; xdotool mouseup 1; sleep 0.3
done
wait "$perf_pid" || true
kill "$app" "$xvfb" 2>/dev/null || true
wait 2>/dev/null || true
echo "== samples per thread (llvmpipe-N: Mesa's software rasteriser) =="
perf report -i "$work/perf.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -10
echo "== samples per library ([JIT]: the shaders lavapipe compiled) =="
perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -10
echo "== top symbols of the app's own binary (Bevy, egui, the game) =="
perf report -i "$work/perf.data" --no-children --sort sym --stdio -g none --dsos "$(basename "$bin")" 2>/dev/null | grep -v '^#' | grep -v '^$' | head -25
echo "perf data: $work/perf.data"
