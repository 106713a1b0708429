"""Run every benchmark in turn (by hand: `make bench`); each prints its own table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
SCRIPTS = ("throughput.py", "extraction.py", "plover.py", "viz_bench.py")


def main() -> int:
    failures = 0
    for script in SCRIPTS:
        print(f"\n=== {script} ===", flush=True)
        failures += subprocess.run([sys.executable, str(HERE / script)], check=False).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
