#!/usr/bin/env bash
# Plays the scripted demo in a real window under Xvfb with Mesa's software Vulkan (lavapipe), then fails
# if a screen's PNG is missing or blank. DEMO_OUT picks the folder (default: a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${DEMO_OUT:-$(mktemp -d)/demo}"
bin="${CARGO_TARGET_DIR:-target}/debug/leerklimaat"
mkdir -p "$out"
cargo build --locked --quiet
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
echo "demo-check: screenshots in $out"
