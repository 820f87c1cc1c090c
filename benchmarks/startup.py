"""Cold wall time of ``renaksi validate`` next to the bare imports it cannot avoid.

Runs each command as a fresh process several times, interleaved so that machine noise
hits both alike, and prints medians and the ratio. Usage::

    python benchmarks/startup.py [--runs 15] [PLAN]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", default="plans/2024")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    commands = {
        "imports: python -c 'import pydantic, ruamel.yaml'": [
            py,
            "-c",
            "import pydantic, ruamel.yaml",
        ],
        f"renaksi validate {args.plan}": [py, "-m", "renaksi", "validate", args.plan],
        "renaksi --help": [py, "-m", "renaksi", "--help"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for name, cmd in commands.items():  # warm the file cache once, untimed
        _time(cmd)
    for _ in range(args.runs):
        for name, cmd in commands.items():
            samples[name].append(_time(cmd))
    base = statistics.median(next(iter(samples.values())))
    print(f"{'command':<55} {'median s':>9} {'ratio':>7}   ({args.runs} runs each)")
    for name, values in samples.items():
        med = statistics.median(values)
        print(f"{name:<55} {med:>9.3f} {med / base:>6.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
