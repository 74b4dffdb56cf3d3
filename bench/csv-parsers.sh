#!/usr/bin/env bash
# Issue 16's question: FastCSV or the job's own CSV reader? First what each parser (FastCSV, Spring Batch's
# FlatFileItemReader, the job's) does with broken exports (CsvParserSafety.java), then the speed: the L workload's
# largest ACLED export read with each, alternating, in fresh JVMs with no options (CsvParserComparison.java).
# Usage: bench/csv-parsers.sh [RUNS]   (run bench/run.sh L once first: it generates the workload and the classpath)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-3}
file=bench/work/L/input/unrest/acled_2018_2025.csv
[[ -f $file ]] || { echo "no $file: run bench/run.sh L first" >&2; exit 2; }
version=4.1.0
jar=$HOME/.m2/repository/de/siegmar/fastcsv/$version/fastcsv-$version.jar
[[ -f $jar ]] || mvn -q dependency:get -Dartifact=de.siegmar:fastcsv:$version >/dev/null
classes=bench/work/csv-classes
rm -rf "$classes"
javac -d "$classes" -cp "target/classes:$(cat bench/work/classpath.txt):$jar" \
    bench/src/org/armswatch/bench/CsvParserComparison.java bench/src/org/armswatch/bench/CsvParserSafety.java
cp="$classes:target/classes:$(cat bench/work/classpath.txt):$jar"
java -cp "$cp" org.armswatch.bench.CsvParserSafety bench/work/csv-safety
cat "$file" > /dev/null
for i in $(seq 1 "$runs"); do
    java -cp "$cp" org.armswatch.bench.CsvParserComparison fastcsv "$file"
    java -cp "$cp" org.armswatch.bench.CsvParserComparison flatfile "$file"
    java -cp "$cp" org.armswatch.bench.CsvParserComparison armswatch "$file"
done
