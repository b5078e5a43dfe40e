#!/usr/bin/env bash
# The test command from the README. It installs the Debian packages the tests need (Xvfb, Mesa's software
# Vulkan), runs the unit, property, snapshot and headless game tests, and then plays the scripted demo
# in a real window, which must write a non-blank PNG of every screen, in Dutch and in English.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
cargo test --locked
scripts/demo-check.sh
