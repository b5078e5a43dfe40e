#!/usr/bin/env bash
# Installs the Debian packages the game (run time) or the tests (Xvfb, software Vulkan) need, if missing.
# Usage: scripts/install-deps.sh game|test
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-test}" in
  game) list=.ci/packages-game ;;
  *) list=.ci/packages ;;
esac
command -v dpkg >/dev/null || exit 0
need=""
for pkg in $(cat "$list"); do
  dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
[ -n "$need" ] || exit 0
echo "installing:$need"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $need
