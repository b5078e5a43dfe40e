#!/usr/bin/env bash
# Plays the scripted demo in a real window under Xvfb with Mesa's software Vulkan (lavapipe), then fails
# if a screen's PNG is missing or blank; then exports a simulated session from the command line, which
# must write every file and outcome.png. DEMO_OUT picks the folder (default: a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${DEMO_OUT:-$(mktemp -d)/demo}"
bin="${CARGO_TARGET_DIR:-target}/debug/leerklimaat"
mkdir -p "$out"
cargo build --locked --features dev --quiet
# Dutch, English, and Dutch in high contrast.
for run in nl en nl-hc; do
  lang="${run%%-*}"
  extra=()
  [ "$run" = nl-hc ] && extra=(--high-contrast)
  WGPU_BACKEND=vulkan timeout 600 xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$bin" --lang "$lang" "${extra[@]}" demo --screenshots "$out/$run" >"$out-$run.log" 2>&1 || {
    echo "demo-check: the demo ($run) failed; its log:"
    tail -40 "$out-$run.log"
    exit 1
  }
  "$bin" check-png "$out/$run"
done
# The command-line export draws outcome.png on the CPU, with no window and no GPU driver.
"$bin" simulate --players 12 --statements 18 --post-its 120 --out "$out/simulated.ron" >/dev/null
DISPLAY= WAYLAND_DISPLAY= VK_ICD_FILENAMES=/nonexistent.json timeout 300 "$bin" export "$out/simulated.ron" --out "$out/cli-export" >"$out-export.log" 2>&1 || {
  echo "demo-check: the command-line export failed; its log:"
  tail -40 "$out-export.log"
  exit 1
}
for f in statements.csv post-its.csv actions.csv report.md report.html session.ron outcome.png; do
  [ -s "$out/cli-export/$f" ] || { echo "demo-check: the command-line export wrote no $f"; exit 1; }
done
echo "demo-check: screenshots in $out"
