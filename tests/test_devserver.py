"""`make dev`: the Dagster UI runs on the project instance, shows CLI runs, stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
RUNS = "{ runsOrError { ... on Runs { results { jobName status } } } }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def graphql(port: int, query: str) -> dict:  # type: ignore[type-arg]
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


@pytest.mark.slow
def test_ui_shows_cli_runs_and_stops_on_sigint(tmp_path: Path) -> None:
    out, raw = tmp_path / "out", tmp_path / "raw"
    raw.mkdir()
    (raw / "note.txt").write_text("Talks\n\nFrench and German ministers met in Paris on Monday.")
    cli = [sys.executable, "-m", "pipeline.cli", "run", "--raw", str(raw), "--out", str(out)]
    assert subprocess.run(cli, cwd=REPO, capture_output=True, timeout=600).returncode == 0
    (raw / "note.txt").unlink()  # the sensor then finds nothing to ingest
    port = free_port()
    env = {**os.environ, "NEWSLEDGER_OUT": str(out), "NEWSLEDGER_RAW": str(raw)}
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline.devserver", "-p", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # as in the background
    )
    started: set[int] = set()
    try:
        deadline = time.monotonic() + 180
        runs = None
        while time.monotonic() < deadline and runs is None:
            time.sleep(2)
            started |= descendants(server.pid)
            try:
                runs = graphql(port, RUNS)
            except OSError:
                continue
        assert runs is not None, "the Dagster UI did not come up"
        results = runs["data"]["runsOrError"]["results"]
        assert {"jobName": "newsledger_job", "status": "SUCCESS"} in results
        started |= descendants(server.pid)
        server.send_signal(signal.SIGINT)
        server.wait(timeout=90)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(alive(p) for p in started):
        time.sleep(1)
    leftover = [p for p in started if alive(p)]
    for pid in leftover:  # never leave our own processes behind, even when failing
        os.kill(pid, signal.SIGKILL)
    assert not leftover, f"processes left running after SIGINT: {leftover}"
