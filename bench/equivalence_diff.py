"""What the equivalence harnesses print when a recorded case and a fresh one differ.

Shared by ``claims_equivalence.py``, ``table_equivalence.py`` and ``findings_equivalence.py``: which
cases differ, and for each of the first twenty the findings only one side has (``-`` recorded, ``+`` now).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def differing(want: Mapping[str, Any], got: Mapping[str, Any]) -> list[str]:
    """The cases recorded or run on one side only, or whose results differ, sorted."""
    return [k for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)]


def print_differences(
    keys: list[str],
    want: Mapping[str, Any],
    got: Mapping[str, Any],
    findings: Callable[[Any], list[str]],
    note: Callable[[Any, Any], str | None],
) -> None:
    """For the first twenty ``keys``: the case, ``note``'s line on it (if any), the findings only one side has."""
    for k in keys[:20]:
        a, b = want.get(k), got.get(k)
        print(f"  {k}")
        if a is None or b is None:
            print("    missing on one side")
            continue
        line = note(a, b)
        if line:
            print(f"    {line}")
        fa, fb = findings(a), findings(b)
        for f in fa:
            if f not in fb:
                print(f"    - {f[:300]}")
        for f in fb:
            if f not in fa:
                print(f"    + {f[:300]}")


def record_or_compare(mode: str, file: Path, got: dict[str, list[str]], elapsed: float) -> int:
    """``record``: write ``got`` (case → its findings) to ``file``; ``compare``: print how ``got`` differs
    from the record in ``file``. Exit status 1 when a case differs."""
    n_findings = sum(len(v) for v in got.values())
    if mode == "record":
        file.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"recorded {len(got)} cases, {n_findings} findings in {elapsed:.1f} s → {file}")
        return 0
    want: dict[str, list[str]] = json.loads(file.read_text(encoding="utf-8"))
    differ = differing(want, got)
    print(f"compared {len(got)} cases ({len(want)} recorded), {n_findings} findings in {elapsed:.1f} s: "
          f"{len(differ)} differ")
    print_differences(differ, want, got, findings=lambda v: v,
                      note=lambda a, b: "same findings, different order" if sorted(a) == sorted(b) else None)
    return 1 if differ else 0
