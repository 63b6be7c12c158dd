#!/bin/sh
# run-fuzzer.sh FUZZER NAME RUNS [LIBFUZZER OPTION...] - one libFuzzer run of one target
#
# Runs the fuzz target FUZZER (built with -Dfuzzing=true) for RUNS inputs,
# starting from its seed corpus and its regression inputs.  Inputs that reach
# new code are kept in $BEL_FUZZ_WORKDIR/corpus/NAME, crashes in
# $BEL_FUZZ_WORKDIR/artifacts/NAME (default: fuzz-work next to FUZZER), never
# in the source tree.  Undefined behaviour and leaks stop the run like crashes.
set -eu
fuzzer=$1
name=$2
runs=$3
shift 3
src=$(cd "$(dirname "$0")" && pwd)
work=${BEL_FUZZ_WORKDIR:-$(dirname "$fuzzer")/fuzz-work}
mkdir -p "$work/corpus/$name" "$work/artifacts/$name"

export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
# handle_sigtrap: a critical (fatal here) raises SIGTRAP, which libFuzzer alone ignores
export ASAN_OPTIONS="detect_leaks=1:handle_sigtrap=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export G_SLICE=always-malloc

case $name in
    models|replies|board|events) dict=json.dict ;;
    *) dict=$name.dict ;;
esac
set -- -runs="$runs" -dict="$src/$dict" -artifact_prefix="$work/artifacts/$name/" -print_final_stats=1 "$@"
set -- "$@" "$work/corpus/$name" "$src/corpus/$name"
if [ -d "$src/regressions/$name" ]; then
    set -- "$@" "$src/regressions/$name"
fi
exec "$fuzzer" "$@"
