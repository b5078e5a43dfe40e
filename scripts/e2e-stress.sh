#!/usr/bin/env bash
# The end-to-end suite under CPU load, as on a facilitator's laptop busy with a video call: one busy
# process per core (at the same priority as the game) runs for as long as the suite does, and every
# click and drag must still count. RUNS=N repeats the suite (default 1) and stops at the first failure;
# E2E_OUT picks where the screenshots go (default: a temporary folder, one subfolder per run).
#
#   scripts/e2e-stress.sh            # once, under load
#   RUNS=3 scripts/e2e-stress.sh     # three times in a row, under load
#   LOAD=0 RUNS=10 scripts/e2e-stress.sh   # ten times in a row, without load
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
runs="${RUNS:-1}"
load="${LOAD:-$(nproc)}"
out="${E2E_OUT:-$(mktemp -d)/e2e}"
# Build first, without the load, so the load is on the game and not on the compiler.
cargo test --locked --features dev --test tests --no-run --quiet
busy=()
stop_load() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_load EXIT
for _ in $(seq 1 "$load"); do
  # A pure busy loop in its own shell: it keeps a core at 100 % until it is killed.
  bash -c 'while :; do :; done' &
  busy+=("$!")
done
echo "e2e-stress: $runs run(s) with $load busy process(es) beside the game"
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if E2E_OUT="$out/run-$i" cargo test --locked --features dev --test tests e2e -- --ignored --test-threads=1; then
    echo "e2e-stress: run $i of $runs passed in $(($(date +%s) - start)) s"
  else
    echo "e2e-stress: run $i of $runs FAILED after $(($(date +%s) - start)) s; screenshots and logs in $out/run-$i"
    exit 1
  fi
done
echo "e2e-stress: all $runs run(s) passed; screenshots in $out"
