#!/usr/bin/env bash
# The full crash test: starts the real game binary (soak mode: the game's plugins without a window,
# saving after every action) RUNS times, kills it with SIGKILL at a random moment of a scripted session
# of ACTIONS actions, and checks that every action confirmed before the kill is in the saved file and
# that the file is readable. Defaults: 50 runs of 500 actions. CI runs a short version in `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
CRASH_RUNS="${1:-50}" CRASH_ACTIONS="${2:-500}" cargo test --locked --features dev --test tests killed_at_random_moments -- --nocapture
