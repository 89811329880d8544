#!/usr/bin/env bash
# Regenerates the table "Bad inputs and what each gets" in docs/reliability.md from the corpus of bad inputs
# (src/test/java/io/counterweight/cli/BadInputCorpusTest.java): the test runs each input through the CLI,
# checks its outcome and, with -Dreliability.update=true, writes what it observed into the document.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -q -Dtest=BadInputCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.update=true test
echo "docs/reliability.md updated (also in target/reliability-corpus.md)"
