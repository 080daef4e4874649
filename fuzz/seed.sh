#!/bin/sh
# Seeds fuzz/corpus/<target>/ from the plans shipped in the repository (the corpus is not committed).
# The `done` target's first byte chooses the edit, so each plan is seeded once per kind of edit.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/check corpus/done
for f in ../plans/*.toml ../examples/*.toml ../examples/rules/*.toml; do
    name=$(basename "$(dirname "$f")")-$(basename "$f" .toml)
    cp "$f" "corpus/check/$name.toml"
    for op in 0 1 2 3 4; do
        { printf "\\$(printf '%03o' "$op")"; cat "$f"; } > "corpus/done/$name-$op.bin"
    done
done
