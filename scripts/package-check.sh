#!/usr/bin/env bash
# The portable program and the Debian package, as a facilitator gets them (test.sh runs this last):
#
# 1. Portable: the release binary, copied alone into an empty folder (a USB stick, Downloads) and run
#    with a fresh home and an empty environment, answers --version, checks a deck, simulates and exports
#    a session (with no display and no Vulkan driver), and opens the game window with a deck given as the
#    only argument (as a file manager does on a double-click), with its application id and its icon.
#    Nothing may be written beside the binary.
# 2. The package: cargo-deb builds the .deb; its .desktop entry validates; installed with dpkg, it puts the
#    program on the PATH, registers the file types of decks and sessions with the game as their default,
#    and the installed program opens a deck the way the menu entry's Exec line starts it. Then the
#    package is removed again.
#
# Needs root (or sudo) for dpkg; without either it stops after part 1 and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
repo=$(pwd)
target="${CARGO_TARGET_DIR:-$repo/target}"
version=$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)
fail() {
  echo "package-check: FAILED: $*" >&2
  exit 1
}

command -v cargo-deb >/dev/null || cargo install cargo-deb --locked --version "^3.8"
cargo build --release --locked
work=$(mktemp -d)
xvfb=""
game=""
cleanup() {
  [ -z "$game" ] || kill "$game" 2>/dev/null || true
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A free display for the window parts.
display=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
    display=":$n"
    break
  fi
done
[ -n "$display" ] || fail "no free X display"
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!

# Waits (up to 3 minutes, lavapipe compiles its shaders first) until the game's window shows more than
# a blank screen; prints the window's id. $1: the game's process id.
wait_for_window() {
  local pid=$1 id="" colours=0
  for _ in $(seq 1 180); do
    kill -0 "$pid" 2>/dev/null || fail "the game exited before its window was drawn"
    id=$(DISPLAY=$display xdotool search --class '^leerklimaat$' 2>/dev/null | head -1 || true)
    if [ -n "$id" ]; then
      colours=$(DISPLAY=$display import -window "$id" png:- 2>/dev/null | convert png:- -format '%k' info: 2>/dev/null || echo 0)
      if [ "${colours:-0}" -gt 50 ]; then
        echo "$id"
        return 0
      fi
    fi
    sleep 1
  done
  fail "no window of class leerklimaat with a drawn screen after 3 minutes (last: ${colours} colours)"
}

# Ends the game (nothing was typed, so nothing can be lost) and waits for it.
end_game() {
  kill -TERM "$game" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$game" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$game" 2>/dev/null && fail "the game did not exit"
  wait "$game" 2>/dev/null || true
  game=""
}

# Checks the window's class (the application id) and icon. $1: the window's id.
check_window() {
  local class icon
  # Whole outputs into variables, never `cmd | head` or `| grep -q`: under pipefail the writer cut off
  # by SIGPIPE fails the script (exit 141) when its output is longer than a pipe's buffer.
  class=$(DISPLAY=$display xprop -id "$1" WM_CLASS)
  [[ $class == *', "leerklimaat"' ]] || fail "the window's class is not leerklimaat: $class"
  icon=$(DISPLAY=$display xprop -id "$1" _NET_WM_ICON)
  [[ $icon == *'Icon (64 x 64)'* ]] || fail "the window has no 64×64 icon: ${icon:0:200}"
}

echo "== package-check 1: the portable program"
mkdir -p "$work/usb" "$work/home" "$work/files"
cp "$target/release/leerklimaat" "$work/usb/"
cp cards/leerklimaat.deck.ron "$work/files/Mijn kaarten.deck.ron"
portable() {
  (cd "$work/usb" && env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 "$@")
}
line=$(portable ./leerklimaat --version)
echo "$line"
[ "$line" = "leerklimaat $version (session format 4, deck format 1)" ] || fail "--version says: $line"
checked=$(portable ./leerklimaat check-deck "$work/files/Mijn kaarten.deck.ron") || fail "check-deck: $checked"
[[ $checked == *': ok ('* ]] || fail "check-deck says: $checked"
portable ./leerklimaat simulate --phase outcome --out "$work/files/workshop.session.ron" >/dev/null ||
  fail "simulate"
# No display and no Vulkan driver: the export draws on the CPU.
portable env VK_ICD_FILENAMES=/nonexistent.json ./leerklimaat export "$work/files/workshop.session.ron" \
  --out "$work/files/export" >/dev/null || fail "export"
for f in outcome.png session.ron; do
  [ -s "$work/files/export/$f" ] || fail "the export has no $f"
done
cd "$work/usb"
env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 DISPLAY="$display" WGPU_BACKEND=vulkan \
  ./leerklimaat "$work/files/Mijn kaarten.deck.ron" >"$work/portable-game.log" 2>&1 &
game=$!
cd "$repo"
id=$(wait_for_window "$game") || { cat "$work/portable-game.log" >&2; exit 1; }
check_window "$id"
end_game
beside=$(ls -A "$work/usb")
[ "$beside" = "leerklimaat" ] || fail "written beside the binary: $beside"
echo "portable: --version, check-deck, simulate, export and the window ran from a folder of its own;" \
  "nothing was written beside it (the home got: $(cd "$work/home" && find . -mindepth 1 -maxdepth 3 | tr '\n' ' '))"

echo "== package-check 2: the Debian package"
desktop-file-validate assets/linux/leerklimaat.desktop || fail "the .desktop entry does not validate"
mkdir -p "$work/deb"
cargo deb --locked --no-build --output "$work/deb/" >/dev/null
deb=$(ls "$work"/deb/*.deb)
echo "built $(basename "$deb")"
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    echo "package-check: not root and no sudo: the package was built but not installed"
    exit 0
  fi
fi
if dpkg -s leerklimaat >/dev/null 2>&1; then
  fail "a leerklimaat package is installed already; remove it first (dpkg -r leerklimaat)"
fi
$sudo dpkg -i "$deb" >/dev/null
remove() { $sudo dpkg -r leerklimaat >/dev/null 2>&1 || true; }
trap 'remove; cleanup' EXIT
for f in /usr/bin/leerklimaat /usr/share/applications/leerklimaat.desktop \
  /usr/share/mime/packages/leerklimaat.xml /usr/share/icons/hicolor/scalable/apps/leerklimaat.svg; do
  [ -e "$f" ] || fail "the package did not install $f"
done
desktop-file-validate /usr/share/applications/leerklimaat.desktop || fail "the installed .desktop entry"
[ "$(leerklimaat --version)" = "leerklimaat $version (session format 4, deck format 1)" ] ||
  fail "the installed program's --version"
deck_type=$(xdg-mime query filetype "$work/files/Mijn kaarten.deck.ron")
session_type=$(xdg-mime query filetype "$work/files/workshop.session.ron")
[ "$deck_type" = "application/x-leerklimaat-deck" ] || fail "a deck's file type is $deck_type"
[ "$session_type" = "application/x-leerklimaat-session" ] || fail "a session's file type is $session_type"
grep -q '^application/x-leerklimaat-deck=.*leerklimaat.desktop' /usr/share/applications/mimeinfo.cache ||
  fail "the game is not registered for decks (mimeinfo.cache)"
grep -q '^application/x-leerklimaat-session=.*leerklimaat.desktop' /usr/share/applications/mimeinfo.cache ||
  fail "the game is not registered for sessions (mimeinfo.cache)"
for t in deck session; do
  default=$(env -u XDG_CURRENT_DESKTOP xdg-mime query default "application/x-leerklimaat-$t")
  [ "$default" = "leerklimaat.desktop" ] || fail "the default application for a $t is '$default'"
done
# The installed program, started as the menu entry's Exec line does for a double-clicked deck.
exec_line=$(grep -m1 '^Exec=' /usr/share/applications/leerklimaat.desktop | cut -d= -f2-)
[ "$exec_line" = "leerklimaat %f" ] || fail "the Exec line is '$exec_line'"
mkdir -p "$work/home2"
cd /
env -i PATH=/usr/bin:/bin HOME="$work/home2" LANG=C.UTF-8 DISPLAY="$display" WGPU_BACKEND=vulkan \
  leerklimaat "$work/files/Mijn kaarten.deck.ron" >"$work/installed-game.log" 2>&1 &
game=$!
cd "$repo"
id=$(wait_for_window "$game") || { cat "$work/installed-game.log" >&2; exit 1; }
check_window "$id"
end_game
remove
[ ! -e /usr/bin/leerklimaat ] || fail "removing the package left /usr/bin/leerklimaat"
echo "package: $(basename "$deb") installed, its entry and file types registered, the installed game" \
  "opened a deck from the Exec line, and the package removed again"
echo "package-check: passed"
