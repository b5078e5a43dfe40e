#!/usr/bin/env bash
# Plays the scripted demo in a real window under Xvfb with Mesa's software Vulkan (lavapipe), then fails
# if a screen's PNG is missing or blank. DEMO_OUT picks the folder (default: a new temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${DEMO_OUT:-$(mktemp -d)/demo}"
bin="${CARGO_TARGET_DIR:-target}/debug/leerklimaat"
mkdir -p "$out"
cargo build --locked --quiet
for lang in nl en; do
  WGPU_BACKEND=vulkan timeout 600 xvfb-run -a -s "-screen 0 1920x1080x24" \
    "$bin" --lang "$lang" demo --screenshots "$out/$lang" >"$out-$lang.log" 2>&1 || {
    echo "demo-check: the demo ($lang) failed; its log:"
    tail -40 "$out-$lang.log"
    exit 1
  }
  "$bin" check-png "$out/$lang"
done
echo "demo-check: screenshots in $out"
