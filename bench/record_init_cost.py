"""Instructions per construction of the checker's records (callgrind), the class call and the fast
constructors: ``python bench/record_init_cost.py`` runs each kind under ``valgrind --tool=callgrind``
with N and 0 constructions (PYTHONHASHSEED=0, gc disabled) and prints the difference / N.

``python bench/record_init_cost.py --run KIND N`` is the measured child: N constructions of KIND.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile
from typing import Any


def _makers() -> dict[str, Any]:
    from draft_report.checking.claim import Claim, number_claim
    from draft_report.checking.findings import Finding, Location, new_finding, sentence_location
    from draft_report.checking.prose import LocatedClaim

    loc = Location(section="overview", line=3, excerpt="x")
    claim = Claim("number", "3件", 3.0, "件", None, "s", 0, 2)
    return {
        "Location()": lambda: Location(),
        "Location(3 kw)": lambda: Location(section="overview", line=3, excerpt="x"),
        "sentence_location": lambda: sentence_location("overview", 3, "x"),
        "Finding(6)": lambda: Finding("r", "error", "m", loc, 1, 2),  # type: ignore[arg-type]
        "new_finding": lambda: new_finding("r", "error", "m", loc, 1, 2),  # type: ignore[arg-type]
        "Claim(13+3 kw)": lambda: Claim("number", "3件", 3.0, "件", None, "s", 0, 2, False, "arabic", None, None, (),
                                        comparison=None, confidence=1.0, sentence_start=0),
        "number_claim": lambda: number_claim("number", "3件", 3.0, "件", None, "s", 0, 2, False, "arabic", None, None,
                                             (), None, 1.0, 0),
        "LocatedClaim(3)": lambda: LocatedClaim(claim, "overview", 3),
    }


def _run(kind: str, n: int) -> None:
    make = _makers()[kind]
    gc.disable()
    make()  # warm (specialisation)
    for _ in range(n):
        make()


def _instructions(kind: str, n: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cg.out")
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__,
                        "--run", kind, str(n)], env=env, check=True, capture_output=True)
        with open(out, encoding="utf-8") as f:
            return int(re.search(r"^summary: (\d+)", f.read(), re.M).group(1))  # type: ignore[union-attr]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--run", nargs=2)
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("kinds", nargs="*")
    args = parser.parse_args()
    if args.run:
        _run(args.run[0], int(args.run[1]))
        return
    for kind in args.kinds or list(_makers()):
        per = (_instructions(kind, args.n) - _instructions(kind, 0)) / args.n
        print(f"{kind:18} {per:8.0f} instructions per construction")


if __name__ == "__main__":
    main()
