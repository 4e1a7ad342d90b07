#!/bin/bash
# Keeps the result files of a long run (the convergence ladder) in git, so that a fresh
# clone can render and resume it without retraining what has finished.
#
#   Tools/ladder-store.sh archive WORK_DIR DEST   # new results of WORK_DIR/results -> DEST/results-NNN.tar.xz
#   Tools/ladder-store.sh restore DEST WORK_DIR   # every DEST/results-*.tar.xz -> WORK_DIR/results
#
# Results are content-addressed (named by the hash of everything that determines them)
# and never change once written, so each archive holds only files that no earlier archive
# holds, and the archives are written once, never rewritten. Checkpoints (models/) stay
# out: they are large and the report's tables and ladder figures need only the results.
set -euo pipefail

usage() { echo "usage: $0 archive WORK_DIR DEST | restore DEST WORK_DIR" >&2; exit 2; }
[ $# -eq 3 ] || usage

case "$1" in
archive)
    work=$2 dest=$3
    [ -d "$work/results" ] || { echo "$0: $work/results: no such folder (expected a bench --work-dir)" >&2; exit 2; }
    mkdir -p "$dest"
    known=$(mktemp) new=$(mktemp)
    trap 'rm -f "$known" "$new"' EXIT
    for a in "$dest"/results-*.tar.xz; do
        if [ -e "$a" ]; then tar -tJf "$a"; fi
    done | sort -u > "$known"
    # Finished results only: a run writes under a unique temporary name, then renames.
    (cd "$work" && find results -maxdepth 1 -name '*.json' ! -name '.*' | sort) | comm -23 - "$known" > "$new"
    count=$(wc -l < "$new")
    if [ "$count" -eq 0 ]; then echo "nothing new in $work/results"; exit 0; fi
    last=$( (ls "$dest"/results-*.tar.xz 2>/dev/null || true) | sed -E 's/.*results-([0-9]+)\.tar\.xz/\1/' | sort -n | tail -1)
    next=$(printf '%03d' $((10#${last:-0} + 1)))
    tmp="$dest/.results-$next.$$.tmp"
    (cd "$work" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - -T "$new") | xz -9 > "$tmp"
    mv "$tmp" "$dest/results-$next.tar.xz"
    echo "$dest/results-$next.tar.xz: $count file(s)"
    ;;
restore)
    dest=$2 work=$3
    mkdir -p "$work/results"
    n=0
    for a in "$dest"/results-*.tar.xz; do
        [ -e "$a" ] || continue
        # --skip-old-files: a result already in the store is the same bytes.
        tar -xJf "$a" -C "$work" --skip-old-files
        n=$((n + 1))
    done
    echo "restored $n archive(s) into $work/results ($(ls "$work/results" | grep -c '\.json$') files)"
    ;;
*) usage ;;
esac
