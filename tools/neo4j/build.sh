#!/usr/bin/env bash
# Builds the embedded Neo4j launcher (partygraph.Neo4jLauncher) from Maven Central artifacts.
#
# Result:  target/classes  (the launcher)  +  target/lib/*.jar  (Neo4j and its dependencies)
# Run:     NEO4J_PASSWORD=... java -Xmx2g -cp 'target/classes:target/lib/*' \
#              partygraph.Neo4jLauncher DATA_DIR [PORT] [HOST]
#
# Idempotent: returns at once when target/ is newer than pom.xml and the sources.
# Works from a clean clone with an empty ~/.m2 (needs java 17+ and mvn on PATH).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

stamp="target/.build-complete"
up_to_date() {
    [[ -f "$stamp" && -f target/classes/partygraph/Neo4jLauncher.class && -d target/lib ]] || return 1
    [[ "$stamp" -nt pom.xml && "$stamp" -nt build.sh ]] || return 1
    [[ -z "$(find src -newer "$stamp" -print -quit)" ]] || return 1
    return 0
}

if [[ "${1:-}" != "--force" ]] && up_to_date; then
    exit 0
fi

for tool in java mvn; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build.sh: '$tool' not found on PATH; install a JDK 17+ and Maven (e.g. apt-get install openjdk-17-jdk-headless maven)" >&2
        exit 1
    fi
done

rm -rf target/lib "$stamp"
mkdir -p target
# Debian's mvn writes stray ANSI resets even with -B -q: keep its output in a log, show it on failure.
if ! mvn -B -q -Dstyle.color=never -f pom.xml package >target/build.log 2>&1; then
    sed -e 's/\x1b\[[0-9;]*m//g' target/build.log >&2
    echo "build.sh: Maven build of the Neo4j launcher failed (full log: $here/target/build.log)" >&2
    exit 1
fi
touch "$stamp"
