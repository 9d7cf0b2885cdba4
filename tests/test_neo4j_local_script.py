"""docker/neo4j-local.sh keeps the password out of every command line and the database folder
to its user, checked with a stand-in ``java`` that records how it is called."""

import os
import stat
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "docker" / "neo4j-local.sh"
PASSWORD = 'pa"ss\\wo rd$x'

# A stand-in java: answers -version as a JDK 17 would, writes each command line it gets to
# calls.log, and the contents of an @argument file to arguments.log, as the JVM would read them.
FAKE_JAVA = r"""#!/usr/bin/env bash
if [ "${1:-}" = "-version" ]; then echo 'openjdk version "17.0.15" 2025-04-15' >&2; exit 0; fi
printf '%s\n' "$*" >> "$LOG_DIR/calls.log"
for argument in "$@"; do
    case "$argument" in @*) cat "${argument#@}" >> "$LOG_DIR/arguments.log"; stat -c '%a' "${argument#@}" >> "$LOG_DIR/modes.log" ;; esac
done
exit 0
"""


def test_the_password_reaches_java_in_a_private_argument_file_never_on_a_command_line(tmp_path):
    bin_dir, logs = tmp_path / "bin", tmp_path / "logs"
    bin_dir.mkdir()
    logs.mkdir()
    for tool, body in (("java", FAKE_JAVA), ("mvn", "#!/usr/bin/env bash\nexit 0\n")):
        (bin_dir / tool).write_text(body)
        (bin_dir / tool).chmod(0o755)
    cache = tmp_path / "cache"
    (cache / "lib").mkdir(parents=True)
    (cache / "lib" / ".complete").touch()
    home = tmp_path / "neo4j"
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "LOG_DIR": str(logs),
        "NEO4J_PASSWORD": PASSWORD,
        "NEO4J_LOCAL_HOME": str(home),
        "NEO4J_LOCAL_CACHE": str(cache),
        "NEO4J_LOCAL_BOLT_PORT": "7699",
        "NEO4J_LOCAL_HTTP_PORT": "7498",
        "NEO4J_LOCAL_WAIT": "1",
    }
    # The stand-in server exits at once, so the start ends with an error: only the password matters.
    subprocess.run(["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=60)
    calls = (logs / "calls.log").read_text()
    assert "set-initial-password" not in calls and "wo rd" not in calls
    arguments = (logs / "arguments.log").read_text().splitlines()
    assert arguments[-3:] == ["dbms", "set-initial-password", '"pa\\"ss\\\\wo rd$x"']  # as the JVM reads it: the password
    assert (logs / "modes.log").read_text().split() == ["600"]
    assert not list((home / "run").glob("admin-arguments.*"))  # removed once used
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
