#!/usr/bin/env bash
# The test command from the README. It installs the Debian packages the tests need (Xvfb, Mesa's software
# Vulkan, xdotool, ImageMagick), runs the unit, property, snapshot and headless game tests, then the
# end-to-end suite (the real game binary in a real X window, driven by xdotool: tests/e2e.rs), and
# then plays the scripted demo in a real window, which must write a non-blank PNG of every screen, in
# Dutch and in English; then the portable program and the Debian package (scripts/package-check.sh: the
# release binary alone in an empty folder, the .deb built, installed, run and removed). E2E_OUT picks where the end-to-end screenshots go (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
cargo test --locked --features dev
export E2E_OUT="${E2E_OUT:-$(mktemp -d)/e2e}"
cargo test --locked --features dev --test tests e2e -- --ignored --test-threads=1
echo "end-to-end screenshots in $E2E_OUT"
scripts/demo-check.sh
scripts/package-check.sh
