#!/usr/bin/env bash
# The benchmark of performance.md: bench/run.sh S|L|S-N|L-N  (see bench/README.md).
# Builds the jar if missing, generates the workload if missing, runs the packaged job on it as cron
# does (bin/armswatch: java -jar with the heap the README gives, fresh output folder), checks the
# workbook's totals against the generator's expected.json, and prints wall seconds, events/s,
# seconds per step, peak RSS and the floor.
# BENCH_JAVA_OPTS adds JVM options (e.g. a JFR recording, or -Xmx6g to see the JVM's own default);
# leave it empty for figures that count.
set -euo pipefail

size=${1:-}
# S or L is the standing workload; S-N or L-N the same size in shape N (other countries, years, repeats).
if [[ ! "$size" =~ ^[SL](-[0-9]+)?$ ]]; then
    echo "usage: bench/run.sh S|L|S-N|L-N" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=bench/work
mkdir -p "$work"

if [[ ! -x /usr/bin/time ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "installing GNU time (for peak RSS)" >&2
        apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
    else
        echo "GNU time is missing: install it (apt-get install time) and run again" >&2
        exit 2
    fi
fi

mvn_quiet() { mvn -q -B -o "$@" || mvn -q -B "$@"; }

if [[ ! -f target/armswatch.jar ]]; then
    echo "building target/armswatch.jar" >&2
    mvn_quiet package -DskipTests
fi
# The generator and the checker live in bench/src, out of the job and its tests: compiled here
# against the job's classes and its runtime libraries (POI reads the workbook back).
if [[ ! -s $work/classpath.txt || pom.xml -nt $work/classpath.txt ]]; then
    mvn_quiet dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$root/$work/classpath.txt" >/dev/null
fi
classes=$work/classes
sources="bench/src/org/armswatch/bench/WorkloadGenerator.java bench/src/org/armswatch/bench/WorkbookTotalsCheck.java"
# shellcheck disable=SC2086
if [[ ! -d $classes ]] || [[ -n $(find $sources -newer "$classes") ]]; then
    rm -rf "$classes"
    # shellcheck disable=SC2086
    javac -d "$classes" -cp "target/classes:$(cat $work/classpath.txt)" $sources
fi
cp="$classes:target/classes:$(cat $work/classpath.txt)"

data=$work/$size
if [[ ! -f $data/expected.json ]]; then
    echo "generating workload $size into $data" >&2
    rm -rf "$data.tmp"
    java -cp "$cp" org.armswatch.bench.WorkloadGenerator "$size" "$data.tmp"
    rm -rf "$data"
    mv "$data.tmp" "$data"
fi
event_rows=$(sed -n 's/.*"eventRows": \([0-9]*\).*/\1/p' $data/expected.json)
input_bytes=$(find $data/input -name '*.csv' -printf '%s\n' | awk '{s+=$1} END {print s}')

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }

# bin/armswatch records its class-data archive on the first start after a build (README, "Running it
# from cron"); cron's first night pays that once, so it is done here before the clock starts.
bin/armswatch --output="$work/warm-up" --help > /dev/null 2>&1 || true
rm -rf "$work/warm-up"

# The floor: reading the same bytes once, in the same state of the page cache as the job sees them.
t0=$(now)
find $data/input -name '*.csv' -print0 | sort -z | xargs -0 cat > /dev/null
floor=$(seconds "$t0" "$(now)")

out=$work/out-$size
rm -rf "$out"
# BENCH_DATASOURCE_URL=jdbc:postgresql://host/db?user=... runs the job on PostgreSQL; --rerun, since the database
# keeps the date's earlier run where the fresh output folder's H2 would not.
database=()
[[ -n ${BENCH_DATASOURCE_URL:-} ]] && database=(--spring.datasource.url="$BENCH_DATASOURCE_URL" --rerun)
timefile=$work/time-$size.txt
t0=$(now)
set +e
# shellcheck disable=SC2086
ARMSWATCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-}" /usr/bin/time -v -o "$timefile" bin/armswatch --input="$data/input" \
    --output="$out" --run-date=2026-11-28 "${database[@]}" > $work/job-$size.log 2>&1
status=$?
set -e
wall=$(seconds "$t0" "$(now)")
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timefile")
rss_mb=$(( rss_kb / 1024 ))
cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$timefile")

echo "armswatch benchmark, size $size: $event_rows ACLED event rows, $(( input_bytes / 1000000 )) MB of input; $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MB memory; $(date -u +%F)"
if [[ $status -ne 0 ]]; then
    echo "job FAILED with exit $status after $wall s, peak RSS $rss_mb MB; last lines of $work/job-$size.log:"
    tail -5 $work/job-$size.log
    exit 1
fi
manifest=$out/2026-11-28/manifest.json
echo "wall:      $wall s (JVM start included); cpu $cpu s user+sys (less disturbed by other load than wall)"
echo "events/s:  $(awk -v n="$event_rows" -v w="$wall" 'BEGIN {printf "%.0f", n / w}')"
steps=$(sed -n '/"stepSeconds"/,/}/p' "$manifest" | sed -n 's/^ *"\([A-Za-z]*\)" *: *\([0-9][0-9.]*\).*/\1 \2/p' | paste -sd ',' | sed 's/,/, /g')
echo "steps (s): $steps (publish runs after the manifest is written)"
echo "peak RSS:  $rss_mb MB"
echo "floor:     $floor s (cat of the same $(( input_bytes / 1000000 )) MB to /dev/null)"
if java -cp "$cp" org.armswatch.bench.WorkbookTotalsCheck $data/expected.json $out/2026-11-28/report-2026-11-28.xlsx \
        > $work/check-$size.txt; then
    tail -1 $work/check-$size.txt
else
    cat $work/check-$size.txt
    exit 1
fi
