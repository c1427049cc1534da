#!/usr/bin/env bash
# The main job on the bundled sample articles: build khabar, then analyze
# examples/articles/ (a table on stdout, every record in out/samples.jsonl).
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mkdir -p out
khabar analyze --format table examples/articles
khabar analyze --quiet --format jsonl -o out/samples.jsonl examples/articles
echo
echo "normalization, before/after:"
khabar normalize --summary examples/articles
echo
echo "full records: out/samples.jsonl"
