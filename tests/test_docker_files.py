"""The Docker files: the compose file validates with Docker's client and holds no password."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker" / "docker-compose.yml"


def compose(*args, env=None):
    return subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE), *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture(scope="module")
def compose_client():
    try:
        if subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30).returncode == 0:
            return
    except (FileNotFoundError, subprocess.TimeoutExpired):
        pass
    pytest.skip("Docker's compose client is not installed (docker compose); the compose file is for Docker users")


def test_compose_file_validates_with_the_password_from_the_environment(compose_client):
    result = compose("config", env={**os.environ, "NEO4J_PASSWORD": "a-test-password"})
    assert result.returncode == 0, result.stderr
    assert "image: neo4j:5.26-community" in result.stdout
    assert "host_ip: 127.0.0.1" in result.stdout


def test_compose_file_refuses_to_start_without_a_password(compose_client):
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    result = compose("config", env=env)
    assert result.returncode != 0
    assert "NEO4J_PASSWORD" in result.stderr


def test_no_password_is_written_in_the_docker_files():
    for path in (COMPOSE, ROOT / "docker" / "Dockerfile"):
        text = path.read_text(encoding="utf-8")
        assert "NEO4J_AUTH: \"neo4j/${NEO4J_PASSWORD" in text or "NEO4J_AUTH" not in text
        assert "neo4j/neo4j" not in text and "password123" not in text
