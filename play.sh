#!/usr/bin/env bash
# Installs the run-time packages if missing, then starts the game with the built-in Dutch deck.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh game
exec cargo run --release --locked -- "$@"
