#!/usr/bin/env bash
# The main job on the bundled sample articles: build khabar, analyze
# examples/articles/ (a table on stdout, every record in out/samples.jsonl) and
# write the HTML report out/report.html.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
mkdir -p out
khabar analyze --format table examples/articles
khabar analyze --quiet --format jsonl -o out/samples.jsonl examples/articles
khabar report examples/articles -o out/report.html
echo
echo "normalization, before/after:"
khabar normalize --summary examples/articles
echo
echo "full records: out/samples.jsonl   report: out/report.html"
