#!/usr/bin/env bash
# Run Neo4j Community 5.26 from Maven Central jars with a local JDK: no Docker needed.
#
#   docker/neo4j-local.sh start     fetch the jars (once), start the server, wait until Bolt answers
#   docker/neo4j-local.sh stop      stop it cleanly
#   docker/neo4j-local.sh status    say whether it runs, and where
#
# The server listens on 127.0.0.1 only: Bolt on $NEO4J_LOCAL_BOLT_PORT (7687), the Browser on
# http://127.0.0.1:$NEO4J_LOCAL_HTTP_PORT/browser/ (7474). The password of the "neo4j" user is
# $NEO4J_PASSWORD, set when the database is first created (it is never printed). Jars are cached in
# $NEO4J_LOCAL_CACHE (~/.cache/graphbuild/neo4j-<version>); the database, configuration and logs
# live in $NEO4J_LOCAL_HOME (.neo4j in the project), readable by this user only. Needs Java 17+
# and Maven.
set -euo pipefail
umask 077  # the database (and its auth.ini) and the logs are this user's alone

NEO4J_VERSION="${NEO4J_LOCAL_VERSION:-5.26.30}"
BROWSER_VERSION="${NEO4J_LOCAL_BROWSER_VERSION:-5.24.0}"
PROJECT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${NEO4J_LOCAL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/graphbuild/neo4j-$NEO4J_VERSION}"
HOME_DIR="${NEO4J_LOCAL_HOME:-$PROJECT/.neo4j}"
BOLT_PORT="${NEO4J_LOCAL_BOLT_PORT:-7687}"
HTTP_PORT="${NEO4J_LOCAL_HTTP_PORT:-7474}"
HEAP="${NEO4J_LOCAL_HEAP:-2g}"
WAIT_SECONDS="${NEO4J_LOCAL_WAIT:-180}"
PID_FILE="$HOME_DIR/run/neo4j.pid"

die() { echo "neo4j-local: $*" >&2; exit 1; }

running() {
    [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

need_tools() {
    command -v java >/dev/null || die "java not found: install a JDK 17+ (e.g. apt-get install openjdk-17-jdk-headless)"
    command -v mvn >/dev/null || die "mvn not found: install Maven (e.g. apt-get install maven)"
    local major
    major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
    [ -n "$major" ] && [ "$major" -ge 17 ] || die "Java 17 or newer is needed (found: $(java -version 2>&1 | head -n1))"
}

fetch_jars() {
    if [ -f "$CACHE/lib/.complete" ]; then
        return
    fi
    echo "neo4j-local: fetching Neo4j $NEO4J_VERSION and the Browser $BROWSER_VERSION from Maven Central into $CACHE" >&2
    mkdir -p "$CACHE"
    cat > "$CACHE/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>graphbuild.local</groupId>
  <artifactId>neo4j-local</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>$NEO4J_VERSION</version></dependency>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>$NEO4J_VERSION</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>$BROWSER_VERSION</version></dependency>
  </dependencies>
</project>
EOF
    rm -rf "$CACHE/lib.partial"
    mvn -q -B -Dstyle.color=never -f "$CACHE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$CACHE/lib.partial" \
        || die "Maven could not fetch the Neo4j jars (is Maven Central reachable?)"
    rm -rf "$CACHE/lib"
    mv "$CACHE/lib.partial" "$CACHE/lib"
    touch "$CACHE/lib/.complete"
}

write_config() {
    mkdir -p "$HOME_DIR/conf" "$HOME_DIR/data" "$HOME_DIR/logs" "$HOME_DIR/run" "$HOME_DIR/plugins" "$HOME_DIR/import"
    chmod 700 "$HOME_DIR"  # also for a folder an earlier version made open to everyone
    cat > "$HOME_DIR/conf/neo4j.conf" <<EOF
# Written by docker/neo4j-local.sh; rewritten at every start.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
dbms.security.auth_enabled=true
server.directories.data=$HOME_DIR/data
server.directories.logs=$HOME_DIR/logs
server.directories.run=$HOME_DIR/run
server.directories.plugins=$HOME_DIR/plugins
server.directories.import=$HOME_DIR/import
server.memory.heap.initial_size=$HEAP
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=512m
dbms.usage_report.enabled=false
EOF
}

java_env() {
    export NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf"
}

set_initial_password() {
    [ -d "$HOME_DIR/data/databases" ] && return  # the database exists: its password is already set
    [ -n "${NEO4J_PASSWORD:-}" ] || die "set NEO4J_PASSWORD to the password the new database should have (at least 8 characters)"
    [ "${#NEO4J_PASSWORD}" -ge 8 ] || die "NEO4J_PASSWORD must have at least 8 characters"
    case "$NEO4J_PASSWORD" in *$'\n'*) die "NEO4J_PASSWORD must be one line" ;; esac
    java_env
    # The password reaches the JVM in an argument file only this user can read, removed at once:
    # on a command line, any user of the machine could read it with ps.
    local arguments status=0
    arguments="$(mktemp "$HOME_DIR/run/admin-arguments.XXXXXX")"
    {
        printf -- '-cp\n%s\norg.neo4j.cli.AdminTool\ndbms\nset-initial-password\n' "$(quoted "$CACHE/lib/*")"
        quoted "$NEO4J_PASSWORD"
    } > "$arguments"
    java "@$arguments" >/dev/null || status=$?
    rm -f "$arguments"
    [ "$status" -eq 0 ] || die "could not set the initial password (see $HOME_DIR/logs)"
}

quoted() {
    # One argument of a java argument file: in double quotes, with \ and " escaped. printf is a
    # shell builtin, and sed reads the text on its standard input: neither shows it in ps.
    printf '%s' "$1" | sed 's/[\\"]/\\&/g; s/^/"/; s/$/"/'
    printf '\n'
}

start() {
    if running; then
        echo "neo4j-local: already running (pid $(cat "$PID_FILE")), Bolt on 127.0.0.1:$BOLT_PORT"
        return
    fi
    need_tools
    for port in "$BOLT_PORT" "$HTTP_PORT"; do
        port_open "$port" && die "port $port on 127.0.0.1 is taken: stop what uses it, or set NEO4J_LOCAL_BOLT_PORT / NEO4J_LOCAL_HTTP_PORT"
    done
    fetch_jars
    write_config
    set_initial_password
    java_env
    nohup java "-Xms$HEAP" "-Xmx$HEAP" -cp "$CACHE/lib/*" org.neo4j.server.CommunityEntryPoint \
        --home-dir="$HOME_DIR" --config-dir="$HOME_DIR/conf" > "$HOME_DIR/logs/console.log" 2>&1 &
    echo $! > "$PID_FILE"
    local waited=0
    until port_open "$BOLT_PORT" && port_open "$HTTP_PORT"; do
        if ! running; then
            rm -f "$PID_FILE"
            tail -n 20 "$HOME_DIR/logs/console.log" "$HOME_DIR/logs/neo4j.log" >&2 2>/dev/null || true
            die "the server exited during start-up (logs in $HOME_DIR/logs)"
        fi
        [ "$waited" -ge "$WAIT_SECONDS" ] && { stop; die "Bolt did not answer within $WAIT_SECONDS s (logs in $HOME_DIR/logs)"; }
        sleep 1
        waited=$((waited + 1))
    done
    echo "neo4j-local: Neo4j $NEO4J_VERSION running (pid $(cat "$PID_FILE")): bolt://127.0.0.1:$BOLT_PORT, Browser http://127.0.0.1:$HTTP_PORT/browser/"
}

stop() {
    if ! running; then
        rm -f "$PID_FILE"
        echo "neo4j-local: not running"
        return
    fi
    local pid
    pid="$(cat "$PID_FILE")"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "neo4j-local: the server did not stop within 60 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    echo "neo4j-local: stopped"
}

status() {
    if running; then
        echo "neo4j-local: running (pid $(cat "$PID_FILE")): bolt://127.0.0.1:$BOLT_PORT, Browser http://127.0.0.1:$HTTP_PORT/browser/"
    else
        echo "neo4j-local: not running"
        return 3
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
