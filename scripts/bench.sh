#!/usr/bin/env bash
# The benchmark harness, one command: measures the real game in a real window (Xvfb + Mesa's software
# Vulkan) and, in the same run, the baseline app (examples/baseline.rs: empty Bevy + bevy_egui, same
# profile and features), then the core benchmarks. Prints every figure with its ratio to the baseline.
#
#   scripts/bench.sh            idle 10 s, drag 20 s in 5 pairs idle and under load, export x5, start-up x3, memory soak 60 s
#   SOAK_SECS=1800 scripts/bench.sh    the 30-minute memory soak
#   PARTS="drag" scripts/bench.sh      only some parts: idle drag startup soak export core (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
command -v xdotool >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -q xdotool; }
[ -x /usr/bin/time ] || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y -q time; }
cargo build --release --locked --features dev --bin leerklimaat --example baseline --example floor_picture
target="${CARGO_TARGET_DIR:-target}/release"
game="$target/leerklimaat"
base="$target/examples/baseline"
work="$(mktemp -d)"
export WGPU_BACKEND=vulkan
IDLE_SECS="${IDLE_SECS:-10}"
DRAG_SECS="${DRAG_SECS:-20}"
SOAK_SECS="${SOAK_SECS:-60}"
PARTS="${PARTS:-idle drag startup soak export core}"
part() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

"$game" simulate --players 12 --statements 60 --post-its 600 --seed 7 --phase play --out "$work/heavy.ron" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GB"
echo "renderer: Mesa lavapipe (software Vulkan) under Xvfb 1920x1080"

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# run NAME BIN ARGS... : starts it under Xvfb with the probe, leaves PID in $pid and DISPLAY in $disp.
start() {
  local probe="$1"; shift
  local n=$((90 + RANDOM % 9))
  Xvfb ":$n" -screen 0 1920x1080x24 >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 1
  disp=":$n"
  DISPLAY="$disp" LEERKLIMAAT_PROBE="$probe" "$@" >"$probe.log" 2>&1 &
  pid=$!
}
stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  wait "$xvfb_pid" 2>/dev/null || true
}
window_of() { DISPLAY="$disp" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -1; }

idle() { # NAME TITLE BIN ARGS...
  local name="$1" title="$2"; shift 2
  start "$work/$name-idle.probe" "$@"
  window_of "$title" >/dev/null
  sleep 20 # warm-up: shaders, first layout
  kill -0 "$pid" 2>/dev/null || { echo "the app did not start; its log:" >&2; tail -20 "$work/$name-idle.probe.log" >&2; exit 1; }
  local a b; a=$(ticks "$pid"); sleep "$IDLE_SECS"; b=$(ticks "$pid")
  local rss; rss=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
  stop
  echo "$(( b - a )) $rss"
}

map_pawn() { # MAPFILE PLAYER -> "x y" of the pawn's centre in window pixels
  awk -v id="$2" '$1=="pawn" && $2==id {print $3, $4}' "$1"
}
map_square() { # MAPFILE INDEX -> "x y" of the square's centre
  awk -v i="$2" '$1=="square" && $2==i {printf "%d %d\n", ($3+$5)/2, ($4+$6)/2}' "$1"
}

drag() { # NAME TITLE BIN ARGS... : drags for DRAG_SECS and scrolls the post-its. In the game, a real pawn
  # is dragged between two squares, aimed by the game's screen map, and every drag must move it there.
  local name="$1" title="$2"; shift 2
  local map="$work/$name.map"
  export LEERKLIMAAT_PROBE_SECS=$(( 20 + DRAG_SECS + 3 ))
  LEERKLIMAAT_SCREEN_MAP="$map" start "$work/$name-drag.probe" "$@"
  unset LEERKLIMAAT_PROBE_SECS
  local w; w=$(window_of "$title")
  sleep 20
  DISPLAY="$disp" xdotool windowfocus --sync "$w" 2>/dev/null || true
  local drags=0 moved=0 sq=0
  local end=$(( $(date +%s) + DRAG_SECS ))
  while [ "$(date +%s)" -lt "$end" ]; do
    local from to
    if [ -s "$map" ]; then
      # The first player's pawn, onto square 1 and 2 in turn.
      sq=$(( sq == 1 ? 2 : 1 ))
      from=$(map_pawn "$map" 1); to=$(map_square "$map" "$sq")
    else
      from="560 720"; to="1100 560"
    fi
    set -- $from $to
    local fx=$1 fy=$2 tx=$3 ty=$4 i args=()
    # The pointer never rests while a run is measured: every pause is filled with moves of a pixel
    # 20 ms apart, so the app always has input waiting and a frame's interval is what it costs (the
    # probe counts only frames with input). One xdotool call per drag, so no process start falls in it.
    wiggle_args() { local i; for i in $(seq 1 "$3"); do args+=(mousemove --window "$w" $(( $1 + i % 2 )) "$2" sleep 0.02); done; }
    args=()
    wiggle_args "$fx" "$fy" 25                      # half a second on the pawn
    args+=(mousedown 1)
    wiggle_args "$fx" "$fy" 7                       # the press, held
    # As a hand drags: about half a second from press to release, the pointer moving all the while.
    for i in $(seq 1 28); do
      args+=(mousemove --window "$w" $(( fx + (tx - fx) * i / 28 )) $(( fy + (ty - fy) * i / 28 )) sleep 0.02)
    done
    wiggle_args "$tx" "$ty" 5
    args+=(mouseup 1)
    DISPLAY="$disp" xdotool "${args[@]}"
    drags=$(( drags + 1 ))
    if [ -s "$map" ]; then
      # Moved when the map shows the pawn inside the target square within 3 s.
      local t=0
      while [ $t -lt 30 ]; do
        read -r px py < <(map_pawn "$map" 1)
        if awk -v x="$px" -v y="$py" -v i="$sq" '$1=="square" && $2==i {exit !(x>=$3 && x<=$5 && y>=$4 && y<=$6)}' "$map"; then
          moved=$(( moved + 1 )); break
        fi
        args=(); wiggle_args "$tx" "$ty" 5; DISPLAY="$disp" xdotool "${args[@]}"
        t=$(( t + 1 ))
      done
      [ -n "${BENCH_DEBUG:-}" ] && echo "drag $fx,$fy -> $tx,$ty (square $sq): pawn at $px,$py" >&2
    fi
    DISPLAY="$disp" xdotool mousemove --window "$w" 1400 300 click 5 mousemove --window "$w" 1401 300 click 5 mousemove --window "$w" 1400 300 click 4
  done
  sleep 5
  stop
  if [ -s "$map" ]; then
    echo "$name: $moved of $drags drags moved the pawn onto its square" >&2
    [ "$moved" -eq "$drags" ] && [ "$drags" -gt 0 ] || { echo "bench: a drag did not move the pawn" >&2; exit 1; }
  fi
}

startup() { # NAME BIN ARGS... : time to first frame, median of 3
  local name="$1"; shift
  for i in 1 2 3; do
    DISPLAY= LEERKLIMAAT_PROBE="$work/$name-start$i.probe" LEERKLIMAAT_PROBE_SECS=3 timeout 60 xvfb-run -a -s "-screen 0 1920x1080x24" "$@" >/dev/null 2>&1 || true
    awk '/first_frame_ms/{print $2}' "$work/$name-start$i.probe"
  done | sort -n | sed -n 2p
}

stats() { # PROBE FILE -> "median p99 count" of frame times after the first 30 frames; intervals over
  # 250 ms are waits for input (the app renders only on change), not frames, and are left out
  tail -n +3 "$1" | tail -n +31 | awk '$1 < 250' | sort -n | awk '{a[NR]=$1} END{if(NR==0){print "nan nan"; exit} m=a[int((NR+1)/2)]; p=a[int(NR*0.99)>0?int(NR*0.99):1]; printf "%.2f %.2f %d\n", m, p, NR}'
}

if part idle; then
echo; echo "== idle: CPU over ${IDLE_SECS}s with no input (play screen, heavy session) =="
read -r g_ticks g_rss < <(idle game Leerklimaat "$game" --resume "$work/heavy.ron" --save-dir "$work/saves")
read -r b_ticks b_rss < <(idle base baseline "$base")
awk -v g="$g_ticks" -v b="$b_ticks" -v hz="$hz" -v s="$IDLE_SECS" 'BEGIN{
  printf "game      %.2f s CPU = %.2f%% of a core (goal <= 1%%)\n", g/hz, 100*g/hz/s;
  printf "baseline  %.2f s CPU = %.2f%% of a core\n", b/hz, 100*b/hz/s }'

fi

if part drag; then
# The game and the baseline in alternating pairs (A B A B ...), so both meet the same moments of the
# machine; each pair gives a ratio, and the figure is the median of the pairs' ratios with its range.
# Then the same under load: one busy process on every core but one, as a video call would be.
pairs() { # LABEL
  local label="$1" i
  : >"$work/ratios-$label"
  for i in $(seq 1 "$DRAG_PAIRS"); do
    drag "game-$label$i" Leerklimaat "$game" --resume "$work/heavy.ron" --save-dir "$work/saves2-$label$i"
    drag "base-$label$i" baseline "$base"
    read -r gm gp gn < <(stats "$work/game-$label$i-drag.probe")
    read -r bm bp bn < <(stats "$work/base-$label$i-drag.probe")
    printf "pair %d: game median %.1f ms p99 %.1f ms (%d frames), baseline median %.1f ms p99 %.1f ms (%d frames)\n" \
      "$i" "$gm" "$gp" "$gn" "$bm" "$bp" "$bn"
    awk -v gm="$gm" -v gp="$gp" -v bm="$bm" -v bp="$bp" 'BEGIN{ printf "%.4f %.4f\n", gm/bm, gp/bp }' >>"$work/ratios-$label"
  done
  for k in 1 2; do
    sort -n -k$k "$work/ratios-$label" | awk -v k=$k -v l="$label" '{a[NR]=$k} END{
      printf "%s %s ratio: median of %d pairs %.2fx (smallest %.2fx, largest %.2fx)\n",
        l, (k==1 ? "median" : "p99   "), NR, a[int((NR+1)/2)], a[1], a[NR] }'
  done
}
DRAG_PAIRS="${DRAG_PAIRS:-5}"
echo; echo "== frame time while dragging a real pawn and scrolling post-its (${DRAG_SECS}s each), $DRAG_PAIRS pairs =="
echo "goal: median of the pairwise median ratios <= 0.5x, of the p99 ratios <= 0.8x, idle and under load"
pairs idle
busy=()
for _ in $(seq 2 "$(nproc)"); do ( while :; do :; done ) & busy+=($!); done
echo "under load: ${#busy[@]} busy process(es)"
pairs load
kill "${busy[@]}" 2>/dev/null || true
wait "${busy[@]}" 2>/dev/null || true

fi

if part startup; then
echo; echo "== start to first frame (median of 3) =="
gs=$(startup game "$game" --save-dir "$work/saves3")
bs=$(startup base "$base")
awk -v g="$gs" -v b="$bs" 'BEGIN{ printf "game %.0f ms, baseline %.0f ms, ratio %.2fx (goal <= 1.5x)\n", g, b, g/b }'

fi

if part soak; then
echo; echo "== memory: heavy session =="
part idle && echo "peak RSS after ${IDLE_SECS}s idle: game $((g_rss / 1024)) MB, baseline $((b_rss / 1024)) MB"
start "$work/soak.probe" "$game" --resume "$work/heavy.ron" --save-dir "$work/saves4"
w=$(window_of Leerklimaat); sleep 20
r0=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
start_s=$(date +%s); end=$(( start_s + SOAK_SECS )); next_sample=$start_s
while [ "$(date +%s)" -lt "$end" ]; do
  DISPLAY="$disp" xdotool mousemove --window "$w" 560 720 mousedown 1 mousemove --window "$w" 900 560 mouseup 1
  DISPLAY="$disp" xdotool key --window "$w" Right 2>/dev/null; sleep 0.2; DISPLAY="$disp" xdotool key --window "$w" Left 2>/dev/null
  if [ "$(date +%s)" -ge "$next_sample" ]; then
    echo "rss $(( $(date +%s) - start_s )) s: $(( $(awk '/VmRSS/{print $2}' "/proc/$pid/status") / 1024 )) MB"
    next_sample=$(( next_sample + (SOAK_SECS > 300 ? 300 : 30) ))
  fi
done
r1=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status")
stop
echo "peak RSS during the soak: $((hwm / 1024)) MB"
awk -v a="$r0" -v b="$r1" -v s="$SOAK_SECS" 'BEGIN{ printf "RSS %d MB -> %d MB over a %ds scripted soak: %+.1f%% (goal <= 5%%)\n", a/1024, b/1024, s, 100*(b-a)/a }'

fi

if part export; then
echo; echo "== export: wall time and peak memory, against a headless Bevy app that renders one 1920x1080 PNG =="
"$game" simulate --players 6 --statements 12 --post-its 40 --seed 3 --out "$work/normal.ron" >/dev/null
"$game" simulate --players 12 --statements 60 --post-its 600 --seed 7 --out "$work/heavy-done.ron" >/dev/null
floor="$target/examples/floor_picture"
measure() { # OUT CMD... -> "seconds peak_kB" of one run
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$out.time" "$@" >/dev/null 2>"$out.err" || { echo "bench: $* failed:" >&2; tail -5 "$out.err" >&2; exit 1; }
  cat "$out.time"
}
# In turns (floor, normal, heavy) five times, so a busy moment of the machine falls on all three.
for i in 1 2 3 4 5; do
  measure "$work/floor$i" "$floor" "$work/floor$i.png" >>"$work/floor.times"
  measure "$work/normal$i" "$game" export "$work/normal.ron" --out "$work/normal-out$i" >>"$work/normal.times"
  measure "$work/heavy$i" "$game" export "$work/heavy-done.ron" --out "$work/heavy-out$i" >>"$work/heavy.times"
done
med() { sort -n -k"$2" "$1" | awk -v k="$2" '{a[NR]=$k} END{print a[int((NR+1)/2)]}'; }
ft=$(med "$work/floor.times" 1); fm=$(med "$work/floor.times" 2)
for name in normal heavy; do
  t=$(med "$work/$name.times" 1); m=$(med "$work/$name.times" 2)
  awk -v n="$name" -v t="$t" -v m="$m" -v ft="$ft" -v fm="$fm" 'BEGIN{
    printf "%-7s %.2f s, %d MB peak: %.2fx the floor in time, %.2fx in memory (goal <= 1.5x)\n", n, t, m/1024, t/ft, m/fm }'
done
awk -v ft="$ft" -v fm="$fm" 'BEGIN{ printf "floor   %.2f s, %d MB peak (median of 5)\n", ft, fm/1024 }'
echo "outcome.png: normal $(identify -format %wx%h "$work/normal-out1/outcome.png"), heavy $(identify -format %wx%h "$work/heavy-out1/outcome.png")"

fi

if part core; then
echo; echo "== core speed =="
[ "${CORE:-1}" = 1 ] && cargo bench --locked --features dev --bench core
fi
rm -rf "$work"
