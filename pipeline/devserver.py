"""Start the Dagster UI on this project's instance (`make dev`).

The instance under outputs/dagster is initialised first, so CLI runs, sensor runs and
scheduled runs share one history. The child gets default SIGINT handling back (a process
started in the background otherwise ignores it), and only that child is stopped on exit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from pipeline.runner import dagster_home


def main() -> int:
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    out = Path(os.environ.get("NEWSLEDGER_OUT", "outputs"))
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home(out))}
    cmd = [sys.executable, "-m", "dagster", "dev", "-m", "pipeline.definitions", *sys.argv[1:]]
    child = subprocess.Popen(
        cmd, env=env, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)
    )
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.send_signal(signal.SIGINT)
        return child.wait()
    finally:
        if child.poll() is None:
            child.terminate()
            child.wait()


if __name__ == "__main__":
    raise SystemExit(main())
