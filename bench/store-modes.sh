#!/usr/bin/env bash
# QoS 1 to persistent sessions with each store durability mode, side by side (issue 4; docs/benchmarks.md,
# "Durable store: QoS 1 to persistent sessions, sync vs batch vs memory").
#
#   bench/store-modes.sh [--pinned] [--modes "memory batch sync"] [--out DIR] [--no-build] [-- GENERATOR OPTIONS]
#
# For each mode: starts a fresh broker (tern.jar, loopback, ephemeral port, empty data directory, $SYS off), runs the
# same load generator scenario against it, stops it with SIGTERM, then prints one table of all modes and each mode's
# throughput as a fraction of memory's. Generator options after `--` replace the defaults below (see
# `java -cp tern-benchmarks/target/benchmarks.jar dev.tern.benchmarks.load.LoadGenerator --help`).
#
#   --pinned     broker on CPU 0, generator on CPU 1 (taskset), so they do not take turns on one core
#   --modes      store.durability values to run, in order; the first one is the baseline of the ratios
#   --out DIR    where the JSON lines (store-modes.jsonl) and the broker logs go (default: a new temporary directory)
#   --no-build   use the jars as they are
#
# Environment: TERN_JAVA_OPTS (extra JVM options for the broker), BENCH_JAVA_OPTS (for the generator).
set -euo pipefail

root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
modes="memory batch sync"
pinned=0
build=1
out=""
generator_defaults=(--scenario pairs --pairs 16 --qos 1 --payload 64 --mqtt 3.1.1 --window 64 --warmup 3s --duration 10s)
generator_args=()

while (($#)); do
    case "$1" in
        --pinned) pinned=1 ;;
        --modes) modes="$2"; shift ;;
        --out) out="$2"; shift ;;
        --no-build) build=0 ;;
        --) shift; generator_args=("$@"); break ;;
        -h | --help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "store-modes: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
((${#generator_args[@]})) || generator_args=("${generator_defaults[@]}")

# The same JDK the ./tern launcher would use (JAVA_HOME if 21+, else java on PATH, else the newest under /usr/lib/jvm).
# shellcheck source=../tern
source "$root/tern"
if ! tern_find_jdk; then
    tern_no_jdk_message
    exit 1
fi
java="$TERN_JAVA_HOME/bin/java"
java_opts=(--enable-native-access=ALL-UNNAMED)
if ((TERN_JAVA_MAJOR >= 24)); then
    # As ./tern does: without it Netty copies through ByteBuffer views on JDK 24+ (docs/benchmarks.md).
    java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi

tern_jar="$root/tern-cli/target/tern.jar"
bench_jar="$root/tern-benchmarks/target/benchmarks.jar"
if ((build)); then
    stale=0
    for jar in "$tern_jar" "$bench_jar"; do
        [[ -f "$jar" ]] || stale=1
    done
    if ((!stale)) && [[ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src -type f -newer "$tern_jar" -print -quit)" ||
        -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src -type f -newer "$bench_jar" -print -quit)" ]]; then
        stale=1
    fi
    if ((stale)); then
        echo "store-modes: building tern.jar and benchmarks.jar ..." >&2
        (cd "$root" && JAVA_HOME="$TERN_JAVA_HOME" MAVEN_OPTS="${java_opts[*]:1} ${MAVEN_OPTS:-}" \
            mvn -B -o -q -pl tern-cli,tern-benchmarks -am package -DskipTests)
    fi
fi

pin_broker=()
pin_generator=()
if ((pinned)); then
    command -v taskset >/dev/null || { echo "store-modes: --pinned needs taskset (util-linux)" >&2; exit 1; }
    (($(nproc) >= 2)) || { echo "store-modes: --pinned needs at least 2 CPUs" >&2; exit 1; }
    pin_broker=(taskset -c 0)
    pin_generator=(taskset -c 1)
fi

[[ -n "$out" ]] || out="$(mktemp -d -t tern-store-modes.XXXXXX)"
mkdir -p "$out"
results="$out/store-modes.jsonl"
: >"$results"

broker_pid=""
data_dir=""
stop_broker() {
    if [[ -n "$broker_pid" ]] && kill -0 "$broker_pid" 2>/dev/null; then
        kill -TERM "$broker_pid"
        wait "$broker_pid" || true
    fi
    broker_pid=""
    if [[ -n "$data_dir" ]]; then rm -rf "$data_dir"; fi
    data_dir=""
}
trap stop_broker EXIT INT TERM

echo "store-modes: $(date -u '+%Y-%m-%dT%H:%M:%SZ'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "Java $("$java" -version 2>&1 | head -1), results in $out" >&2

for mode in $modes; do
    data_dir="$(mktemp -d -t tern-store-modes-data.XXXXXX)"
    log="$out/broker-$mode.log"
    read -r -a user_opts <<<"${TERN_JAVA_OPTS:-}"
    "${pin_broker[@]}" "$java" "${java_opts[@]}" ${user_opts[@]+"${user_opts[@]}"} -jar "$tern_jar" start \
        --set mqtt.tcp.port=0 --set mqtt.tcp.bind=127.0.0.1 --set "data.dir=$data_dir" \
        --set "store.durability=$mode" --set sys.interval=0 >"$log" 2>&1 &
    broker_pid=$!

    # The ready line names the port: "Tern VERSION ready: MQTT on tcp 127.0.0.1:PORT (data in DIR). ...".
    port=""
    for _ in $(seq 600); do # at most 60 s: a cold JVM on a busy machine
        port="$(sed -n 's/^Tern [^ ]* ready: MQTT on tcp 127\.0\.0\.1:\([0-9]*\) .*/\1/p' "$log" | head -1)"
        [[ -z "$port" ]] || break
        kill -0 "$broker_pid" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z "$port" ]]; then
        echo "store-modes: the broker did not start with store.durability=$mode; its output:" >&2
        cat "$log" >&2
        stop_broker
        continue
    fi

    echo "store-modes: $mode: broker pid $broker_pid on port $port" >&2
    read -r -a bench_opts <<<"${BENCH_JAVA_OPTS:-}"
    status=0
    "${pin_generator[@]}" "$java" "${java_opts[@]}" ${bench_opts[@]+"${bench_opts[@]}"} -cp "$bench_jar" \
        dev.tern.benchmarks.load.LoadGenerator --port "$port" --broker-pid "$broker_pid" --label "$mode" \
        --json "$results" "${generator_args[@]}" >"$out/generator-$mode.txt" || status=$?
    cat "$out/generator-$mode.txt" >&2
    if ((status != 0)); then
        echo "store-modes: $mode: the generator exited with $status (3: loss, duplicates or failures; see above)" >&2
    fi
    stop_broker
done

echo >&2
baseline="${modes%% *}"
"$java" "${java_opts[@]}" -cp "$bench_jar" dev.tern.benchmarks.load.CompareRuns \
    --baseline "$baseline" --target 0.5 "$results"
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); JSON lines: $results"
