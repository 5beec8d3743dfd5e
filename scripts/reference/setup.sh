#!/usr/bin/env bash
# Sets up the reference engine the tokenizer tests compare against: llama.cpp, from npm.
#   reference/node_modules/    node-llama-cpp and its linux-x64 binaries (no download, no build)
#   reference/llama-vocab/     llama.cpp's vocabulary fixtures, models/ggml-vocab-*.gguf with .inp/.out, and
#                              its Unicode table src/unicode-data.cpp, taken from the llama.cpp source that
#                              node-llama-cpp ships as a git bundle
#   reference/llama-tokenized/ a corpus of awkward texts tokenized by llama.cpp's binaries, per vocabulary,
#                              and (pre/) with the GPT-2 vocabulary under every other pre-tokenizer
# Idempotent: each step is skipped when its result is already there. Needs node/npm and git, and the
# npm registry the first time. reference/ is gitignored.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

VERSION=3.22.1
REF=reference
BUNDLE="$REF/node_modules/node-llama-cpp/llama/gitRelease.bundle"
VOCAB="$REF/llama-vocab"
TOKENIZED="$REF/llama-tokenized"
export NODE_LLAMA_CPP_SKIP_DOWNLOAD=true

mkdir -p "$REF"
if [ ! -f "$BUNDLE" ] || [ ! -d "$REF/node_modules/@node-llama-cpp/linux-x64" ]; then
  echo "reference: installing node-llama-cpp@$VERSION into $REF/node_modules" >&2
  [ -f "$REF/package.json" ] || echo '{"name": "glassbox-reference", "private": true}' > "$REF/package.json"
  (cd "$REF" && npm install --no-audit --no-fund --ignore-scripts --omit=optional \
      "node-llama-cpp@$VERSION" "@node-llama-cpp/linux-x64@$VERSION")
fi

if [ ! -f "$VOCAB/.complete-2" ]; then
  echo "reference: extracting the vocabulary fixtures into $VOCAB" >&2
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  git clone --quiet --no-checkout "$BUNDLE" "$tmp/llama.cpp"
  head=$(git -C "$tmp/llama.cpp" rev-parse HEAD)
  rm -rf "$VOCAB" "$TOKENIZED"
  mkdir -p "$VOCAB"
  # only the fixtures and the Unicode table, not the whole tree
  git -C "$tmp/llama.cpp" ls-tree --name-only "$head" models/ | grep -E '^models/ggml-vocab-.*\.gguf(\.inp|\.out)?$' |
    while read -r f; do git -C "$tmp/llama.cpp" show "$head:$f" > "$VOCAB/$(basename "$f")"; done
  git -C "$tmp/llama.cpp" show "$head:src/unicode-data.cpp" > "$VOCAB/unicode-data.cpp"
  echo "$head" > "$VOCAB/llama.cpp.commit"
  touch "$VOCAB/.complete-2"
fi

if [ ! -f "$TOKENIZED/.complete-2" ]; then
  echo "reference: tokenizing the corpus with llama.cpp into $TOKENIZED" >&2
  rm -rf "$TOKENIZED"
  node scripts/reference/tokenize-corpus.mjs "$REF" "$VOCAB" "$TOKENIZED"
  touch "$TOKENIZED/.complete-2"
fi
echo "reference: $(ls "$VOCAB"/*.gguf | wc -l) vocabularies in $VOCAB (llama.cpp $(cut -c1-12 "$VOCAB/llama.cpp.commit"))," \
  "$(ls "$TOKENIZED"/*.json | wc -l) tokenized corpora in $TOKENIZED" >&2
