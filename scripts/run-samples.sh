#!/usr/bin/env bash
# The main job on the bundled sample articles: build khabar, then run it on
# examples/articles/.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
khabar normalize --summary examples/articles
