"""Instructions per construction of the checker's records (callgrind), the class call and the fast
constructors, and per read of three attributes of a record each way built:
``python bench/record_init_cost.py [KIND …]`` runs each kind under ``valgrind --tool=callgrind``
with N and 0 repetitions (PYTHONHASHSEED=0, gc disabled) and prints the difference / N.

``python bench/record_init_cost.py --run KIND N`` is the measured child: N repetitions of KIND.

What it showed (session of 2026-11-30, Python 3.11), for a frozen record's ``__init__``:
- setting a new dict (``object.__setattr__(self, "__dict__", {…})``, the templates before): Location
  (3 keywords) 7.9k, Finding 6.6k, Claim (16 arguments) 14.9k, LocatedClaim 4.6k instructions;
- filling the materialised ``__dict__`` key by key (``__d = self.__dict__; __d["a"] = a …``):
  Location 6.6k, Finding 5.4k, Claim 11.5k, LocatedClaim 3.6k — but that dict stays a split-table
  dict, and every later attribute read of such an instance misses the ``LOAD_ATTR_WITH_HINT``
  specialisation ("reads filled by item" against "reads Location()": about 260 instructions more
  per read); ``bench/extract_instructions.py --calls 2``: check_document 36.79 M → 37.68 M. Rejected;
- one ``self.__dict__.update(a=a, …)`` (what ``record_init_templates`` does now): the empty dict
  takes over the keywords' combined table, reads stay as cheap; Location 7.9k, Finding 6.6k, Claim
  13.1k, LocatedClaim 4.5k; check_document 36.79 M → 36.68 M.
``dict.update`` of the empty materialised dict from a whole dict (``sentence_location``) copies that
dict's table the same way.
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
    from draft_report.checking.findings import Finding, Location, sentence_location
    from draft_report.checking.prose import LocatedClaim

    loc = Location(section="overview", line=3, excerpt="x")
    claim = Claim("number", "3件", 3.0, "件", None, "s", 0, 2)
    filled = sentence_location("overview", 3, "x")  # its __dict__ filled in place by dict.update
    by_item = object.__new__(Location)  # filled in place key by key, as an in-place __init__ would
    d = by_item.__dict__
    for name, value in vars(loc).items():
        d[name] = value
    return {
        "Location()": lambda: Location(),
        "Location(3 kw)": lambda: Location(section="overview", line=3, excerpt="x"),
        "sentence_location": lambda: sentence_location("overview", 3, "x"),
        "Finding(6)": lambda: Finding("r", "error", "m", loc, 1, 2),  # type: ignore[arg-type]
        "Claim(13+3 kw)": lambda: Claim("number", "3件", 3.0, "件", None, "s", 0, 2, False, "arabic", None, None, (),
                                        comparison=None, confidence=1.0, sentence_start=0),
        "number_claim": lambda: number_claim("number", "3件", 3.0, "件", None, "s", 0, 2, False, "arabic", None, None,
                                             (), None, 1.0, 0),
        "LocatedClaim(3)": lambda: LocatedClaim(claim, "overview", 3),
        # three attribute reads of a Location built by the class call (a dict set whole) / filled in place
        "reads Location()": lambda: (loc.section, loc.line, loc.excerpt),
        "reads sentence_location": lambda: (filled.section, filled.line, filled.excerpt),
        "reads filled by item": lambda: (by_item.section, by_item.line, by_item.excerpt),
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
        print(f"{kind:24} {per:8.0f} instructions per call")


if __name__ == "__main__":
    main()
