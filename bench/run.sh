#!/usr/bin/env bash
# Benchmarks kgb at several corpus sizes in one run and prints one Markdown
# table: extraction speed, build time and quads/s, store size, rebuild of an
# unchanged corpus, whole-process lookup latency, in-process Gizmo 1-/2-hop
# latency, peak memory of every step, and Cayley's own `cayley load` of the
# same quads into Bolt as the baseline.
#
#   bench/run.sh                        # BENCH_SIZES="1000 10000"
#   BENCH_SIZES=200 bench/run.sh        # a quick trial
#
# Settings (environment): BENCH_SIZES, BENCH_DIR (work space, default
# /tmp/kgb-bench; wiped per size), BENCH_SEED (generator seed, 1),
# BENCH_SEEDS (seed articles, default testdata, else ../shared/corpus),
# BENCH_RUNS (in-process query runs, 50), BENCH_LOOKUPS (process runs, 20),
# BENCH_EXTRACT_MAX (articles timed for extraction, 2000), BENCH_KEEP=1
# keeps corpora and stores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH=/usr/local/go/bin:$PATH
export GOWORK=off

SIZES=${BENCH_SIZES:-"1000 10000"}
WORK=${BENCH_DIR:-/tmp/kgb-bench}
SEED=${BENCH_SEED:-1}
RUNS=${BENCH_RUNS:-50}
LOOKUPS=${BENCH_LOOKUPS:-20}
XMAX=${BENCH_EXTRACT_MAX:-2000}
NPROC=$(nproc)

die() { echo "run.sh: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (Debian: apt-get install -y time)"
command -v go >/dev/null || die "go is not on PATH"

if [[ -z ${BENCH_SEEDS:-} ]]; then
  if [[ -n $(find testdata -name '*.md' -print -quit 2>/dev/null) ]]; then
    BENCH_SEEDS=testdata
  elif [[ -d ../shared/corpus ]]; then
    BENCH_SEEDS=../shared/corpus
  else
    die "no seed articles: set BENCH_SEEDS to a folder of *.md articles"
  fi
fi

mkdir -p "$WORK/bin" "$WORK/etc"
BIN=$WORK/bin
LOG=$WORK/log
mkdir -p "$LOG"

echo "== building kgb, gen, querybench" >&2
go build -o "$BIN/kgb" ./cmd/kgb
go build -o "$BIN/gen" ./bench/gen
go build -o "$BIN/querybench" ./bench/querybench

# Cayley's own command, at the version kgb uses, built in a throw-away
# module so the project's go.mod is untouched. The stock command has no
# bbolt backend, so its main file is copied with that one import added.
CAYLEY_VERSION=$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
echo "== building cayley $CAYLEY_VERSION (with the bbolt backend)" >&2
CMOD=$WORK/cayley-mod
if [[ ! -x $BIN/cayley || $(cat "$CMOD/version" 2>/dev/null) != "$CAYLEY_VERSION" ]]; then
  rm -rf "$CMOD" && mkdir -p "$CMOD"
  (
    cd "$CMOD"
    go mod init cayleybench >/dev/null 2>&1
    go get "github.com/cayleygraph/cayley/cmd/cayley@$CAYLEY_VERSION" >/dev/null 2>&1
    src=$(go list -m -f '{{.Dir}}' github.com/cayleygraph/cayley)/cmd/cayley/cayley.go
    sed 's#_ "github.com/cayleygraph/cayley/graph/all"#&\n\t_ "github.com/cayleygraph/cayley/graph/kv/bbolt"#' "$src" > main.go
    grep -q 'graph/kv/bbolt' main.go || { echo "could not add the bbolt backend to $src" >&2; exit 1; }
    go mod tidy >/dev/null 2>&1
    go build -o "$BIN/cayley" .
    echo "$CAYLEY_VERSION" > version
  )
fi

# kgb reads kgb.yaml from the working directory and the user config dir, and
# KGB_* variables: run it where none of those can change the figures.
for v in $(compgen -e | grep '^KGB_' || true); do unset "$v"; done
export XDG_CONFIG_HOME=$WORK/etc HOME=$WORK/etc
cd "$WORK"

now() { echo "$EPOCHREALTIME"; }
# sub A B: A - B, 3 decimals.
sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a - b }'; }
div() { awk -v a="$1" -v b="$2" -v p="${3:-1}" 'BEGIN { if (b == 0) print "n/a"; else printf "%.*f", p, a / b }'; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A R # R[key,size] = figure
SECS=0 RSS=0 CPU=0 ANON=0 FILEMAP=0

# sample_rss TIMEPID: the peak anonymous and file-mapped resident memory (MB)
# of the command /usr/bin/time runs as TIMEPID. Bolt maps its file, so a
# store's pages that a process touched count in its RSS; anonymous memory is
# what the process itself allocated.
sample_rss() {
  local tpid=$1 pid="" a=0 f=0 x y
  while [[ -z $pid ]] && kill -0 "$tpid" 2>/dev/null; do
    pid=$(pgrep -P "$tpid" | head -1 || true)
    [[ -n $pid ]] || sleep 0.05
  done
  while [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; do
    read -r x y < <(awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } END { print a + 0, f + 0 }' "/proc/$pid/status" 2>/dev/null || echo "0 0")
    ((x > a)) && a=$x
    ((y > f)) && f=$y
    sleep 0.2
  done
  echo "$((a / 1024)) $((f / 1024))"
}

# timed LABEL OUT CMD...: runs CMD with stdout to OUT, sets SECS (wall), CPU
# (user + system seconds, children included) and RSS (peak resident set of
# the process or, for xargs, of its largest child, in MB). CPU seconds are
# what to compare when other jobs share the machine.
timed() {
  local label=$1 out=$2; shift 2
  local t0 t1 tpid rc=0
  t0=$(now)
  /usr/bin/time -v -o "$LOG/$label.time" "$@" >"$out" 2>"$LOG/$label.err" &
  tpid=$!
  sample_rss "$tpid" > "$LOG/$label.rss" &
  wait "$tpid" || rc=$?
  # The clock stops here: the sampler notices the exit up to 0.2 s later.
  t1=$(now)
  wait
  if ((rc != 0)); then
    echo "run.sh: step $label failed: $*" >&2
    tail -20 "$LOG/$label.err" >&2
    exit 1
  fi
  read -r ANON FILEMAP < "$LOG/$label.rss"
  SECS=$(sub "$t1" "$t0")
  RSS=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$LOG/$label.time")
  CPU=$(awk '/User time|System time/ { s += $NF } END { printf "%.2f", s }' "$LOG/$label.time")
}

quads_of() { # store → quad count from `kgb stats --json`
  "$BIN/kgb" stats --store "$1" --json | sed -n 's/^ *"quads": *\([0-9]*\).*/\1/p'
}

for N in $SIZES; do
  echo "== N=$N" >&2
  C=$WORK/corpus-$N S=$WORK/store-$N CS=$WORK/cayley-$N
  rm -rf "$C" "$S" "$CS"
  "$BIN/gen" -n "$N" -seed "$SEED" -out "$C" -seeds "$(cd "$ROOT" && realpath "$BENCH_SEEDS")" 2>"$LOG/gen-$N.err"
  find "$C" -name '*.md' | sort > "$WORK/files-$N"
  BYTES=$(find "$C" -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  MB=$(div "$BYTES" 1000000 1)
  R[corpus,$N]="$MB MB"

  # Extraction is a rate: it is measured on the first XN articles only, so
  # a 10k run spends its time on building, where size matters.
  XN=$((N < XMAX ? N : XMAX))
  head -"$XN" "$WORK/files-$N" > "$WORK/xfiles-$N"
  XMB=$(xargs -a "$WORK/xfiles-$N" du -cb | tail -1 | awk '{ printf "%.3f", $1 / 1e6 }')
  R[x_n,$N]="$XN ($(div "$XMB" 1 1) MB)"
  echo "   extract $XN articles (--workers 1, then --workers $NPROC)" >&2
  timed "startup-$N" /dev/null "$BIN/kgb" extract --json "$(head -1 "$WORK/files-$N")"
  R[startup,$N]="$(div "$SECS" 1 2) s ($CPU CPU s)"
  # One process over the whole list, as a user runs it (start-up included).
  mapfile -t XF < "$WORK/xfiles-$N"
  for w in 1 "$NPROC"; do
    timed "extract$w-$N" /dev/null "$BIN/kgb" extract --json --workers "$w" "${XF[@]}"
    R[x${w}_s,$N]=$(div "$SECS" 1 1); R[x${w}_aps,$N]=$(div "$XN" "$SECS" 0); R[x${w}_mbps,$N]=$(div "$XMB" "$SECS" 2); R[x${w}_rss,$N]=$RSS; R[x${w}_cpu,$N]=$(div "$XN" "$CPU" 0)
  done

  echo "   build" >&2
  timed "build-$N" "$LOG/build-$N.out" "$BIN/kgb" build --store "$S" "$C"
  BUILD=$SECS BUILD_CPU=$CPU
  R[b_cpu,$N]=$CPU
  Q=$(quads_of "$S")
  R[b_s,$N]=$(div "$BUILD" 1 1); R[b_q,$N]=$Q; R[b_qps,$N]=$(div "$Q" "$BUILD" 0); R[b_aps,$N]=$(div "$N" "$BUILD" 0); R[b_rss,$N]="$RSS MB (anon $ANON MB, file $FILEMAP MB)"
  R[store,$N]=$(du -sm "$S" | cut -f1)

  echo "   export" >&2
  timed "export-$N" /dev/null "$BIN/kgb" export --store "$S" --format nquads -o "$WORK/export-$N.nq"
  R[e_s,$N]=$(div "$SECS" 1 1); R[e_mb,$N]=$(du -m "$WORK/export-$N.nq" | cut -f1); R[e_rss,$N]=$RSS
  R[e_lines,$N]=$(grep -c . "$WORK/export-$N.nq" || true)

  echo "   rebuild (unchanged corpus)" >&2
  timed "rebuild-$N" "$LOG/rebuild-$N.out" "$BIN/kgb" build --store "$S" "$C"
  R[rb_s,$N]=$(div "$SECS" 1 1); R[rb_pct,$N]=$(awk -v a="$SECS" -v b="$BUILD" 'BEGIN { printf "%.1f", 100 * a / b }'); R[rb_rss,$N]=$RSS; R[rb_cpu,$N]=$CPU
  Q2=$(quads_of "$S")
  "$BIN/kgb" export --store "$S" --format nquads -o "$WORK/export2-$N.nq" 2>/dev/null
  # The export walks the store in index order, so an untouched store
  # exports byte for byte the same; sorting is only needed when it differs.
  if cmp -s "$WORK/export-$N.nq" "$WORK/export2-$N.nq" ||
     cmp -s <(LC_ALL=C sort "$WORK/export-$N.nq") <(LC_ALL=C sort "$WORK/export2-$N.nq"); then
    SAME=yes
  else
    SAME=no
  fi
  if [[ $Q2 == "$Q" && $SAME == yes ]]; then R[rb_same,$N]="yes ($Q2 quads, same N-Quads)"; else R[rb_same,$N]="NO: $Q → $Q2 quads, same N-Quads: $SAME"; fi
  rm -f "$WORK/export2-$N.nq"

  echo "   queries in process" >&2
  timed "querybench-$N" "$LOG/querybench-$N.out" "$BIN/querybench" -store "$S" -runs "$RUNS" \
    -entities "阿里云,腾讯云,华为云,华为,腾讯,阿里巴巴,百度,京东,比亚迪,特斯拉,宁德时代"
  qb() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print }' "$LOG/querybench-$N.out"; }
  R[q_open,$N]=$(qb open_ms); R[q_rss,$N]=$RSS
  for p in "" typical_; do
    for k in entity hop1_results hop1_runs hop1_median_ms hop1_p95_ms hop2_results hop2_runs hop2_median_ms hop2_p95_ms \
      hop2u_results hop2u_runs hop2u_median_ms hop2u_p95_ms lookup_median_ms lookup_p95_ms; do
      R[$p$k,$N]=$(qb "$p$k")
    done
  done
  R[typical_entity,$N]+=" (degree $(qb typical_degree))"

  for p in "" typical_; do
    ENTITY=$(qb "${p}entity")
    echo "   kgb lookup $ENTITY x$LOOKUPS" >&2
    : > "$LOG/lookup-$p$N.ms"
    for _ in $(seq "$LOOKUPS"); do
      timed "lookup-$p$N" /dev/null "$BIN/kgb" lookup --store "$S" "$ENTITY"
      awk -v s="$SECS" 'BEGIN { printf "%.1f\n", s * 1000 }' >> "$LOG/lookup-$p$N.ms"
    done
    R[${p}l_med,$N]=$(sort -n "$LOG/lookup-$p$N.ms" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    R[${p}l_p95,$N]=$(sort -n "$LOG/lookup-$p$N.ms" | awk '{ a[NR] = $1 } END { i = int(0.95 * NR + 0.5); if (i < 1) i = 1; print a[i] }')
    R[${p}l_rss,$N]=$RSS
  done

  echo "   cayley load (baseline)" >&2
  timed "cayley-$N" /dev/null "$BIN/cayley" load --db bbolt --dbpath "$CS" --init -i "$WORK/export-$N.nq"
  R[c_s,$N]=$(div "$SECS" 1 1); R[c_qps,$N]=$(div "${R[e_lines,$N]}" "$SECS" 0); R[c_rss,$N]="$RSS MB (anon $ANON MB, file $FILEMAP MB)"
  R[c_store,$N]=$(du -sm "$CS" | cut -f1)
  R[c_ratio,$N]=$(div "$SECS" "$BUILD" 2); R[c_cpu,$N]=$CPU; R[c_cpu_ratio,$N]=$(div "$CPU" "$BUILD_CPU" 2)

  if [[ -z ${BENCH_KEEP:-} ]]; then rm -rf "$C" "$S" "$CS" "$WORK/export-$N.nq"; fi
done

row() { # label key [suffix]
  local line="| $1 |"
  for N in $SIZES; do line+=" ${R[$2,$N]:-}${3:-} |"; done
  echo "$line"
}
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "Machine: $NPROC CPUs ($(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(go version | cut -d' ' -f3), $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start $LOAD_START, at end $LOAD_END; kgb $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "(no git)")$(git -C "$ROOT" diff --quiet HEAD -- . 2>/dev/null || echo " +uncommitted changes"), cayley $CAYLEY_VERSION"
  echo
  head="| figure |" sep="|---|"
  for N in $SIZES; do head+=" $N articles |"; sep+="---:|"; done
  echo "$head"; echo "$sep"
  row "corpus size" corpus
  row "extract start-up (1 article, whole process)" startup
  row "extract: articles timed" x_n
  row "extract --workers 1: time" x1_s " s"
  row "extract --workers 1: articles/s" x1_aps
  row "extract --workers 1: MB/s" x1_mbps
  row "extract --workers 1: articles per CPU-second" x1_cpu
  row "extract --workers 1: peak RSS" x1_rss " MB"
  row "extract --workers $NPROC: time" x${NPROC}_s " s"
  row "extract --workers $NPROC: articles/s" x${NPROC}_aps
  row "extract --workers $NPROC: MB/s" x${NPROC}_mbps
  row "extract --workers $NPROC: articles per CPU-second" x${NPROC}_cpu
  row "extract --workers $NPROC: peak RSS" x${NPROC}_rss " MB"
  row "build: time" b_s " s"
  row "build: CPU time (user+sys)" b_cpu " s"
  row "build: quads" b_q
  row "build: quads/s" b_qps
  row "build: articles/s" b_aps
  row "build: peak RSS (sampled peaks: anon, file-mapped)" b_rss
  row "store size (du)" store " MB"
  row "rebuild, unchanged corpus: time" rb_s " s"
  row "rebuild: CPU time" rb_cpu " s"
  row "rebuild: % of first build" rb_pct " %"
  row "rebuild: quads unchanged" rb_same
  row "rebuild: peak RSS" rb_rss " MB"
  row "store open in process (read-only)" q_open " ms"
  row "querybench peak RSS" q_rss " MB"
  for p in "" typical_; do
    if [[ -z $p ]]; then w="hub"; else w="typical"; fi
    row "$w entity" "${p}entity"
    row "$w: Gizmo 1-hop results" "${p}hop1_results"
    row "$w: Gizmo 1-hop timed runs" "${p}hop1_runs"
    row "$w: Gizmo 1-hop median" "${p}hop1_median_ms" " ms"
    row "$w: Gizmo 1-hop p95" "${p}hop1_p95_ms" " ms"
    row "$w: Gizmo 2-hop results" "${p}hop2_results"
    row "$w: Gizmo 2-hop timed runs" "${p}hop2_runs"
    row "$w: Gizmo 2-hop median" "${p}hop2_median_ms" " ms"
    row "$w: Gizmo 2-hop p95" "${p}hop2_p95_ms" " ms"
    row "$w: Gizmo 2-hop as Out∪In: results" "${p}hop2u_results"
    row "$w: Gizmo 2-hop as Out∪In: timed runs" "${p}hop2u_runs"
    row "$w: Gizmo 2-hop as Out∪In: median" "${p}hop2u_median_ms" " ms"
    row "$w: Gizmo 2-hop as Out∪In: p95" "${p}hop2u_p95_ms" " ms"
    row "$w: graph.Store.Lookup in process, median" "${p}lookup_median_ms" " ms"
    row "$w: \`kgb lookup\` whole process, median of $LOOKUPS" "${p}l_med" " ms"
    row "$w: \`kgb lookup\` whole process, p95" "${p}l_p95" " ms"
    row "$w: \`kgb lookup\` peak RSS" "${p}l_rss" " MB"
  done
  row "export N-Quads: time" e_s " s"
  row "export N-Quads: size" e_mb " MB"
  row "export: peak RSS" e_rss " MB"
  row "cayley load --db bbolt: time" c_s " s"
  row "cayley load: CPU time (user+sys)" c_cpu " s"
  row "cayley load: quads/s" c_qps
  row "cayley load: peak RSS (sampled peaks: anon, file-mapped)" c_rss
  row "cayley store size (du)" c_store " MB"
  row "**cayley load time / kgb build time**" c_ratio
  row "cayley load CPU time / kgb build CPU time" c_cpu_ratio
} | tee "$WORK/results.md"
