"""What the equivalence harnesses print when a recorded case and a fresh one differ.

Shared by ``claims_equivalence.py`` and ``table_equivalence.py``: which cases differ, and for each
of the first twenty the findings only one side has (``-`` recorded, ``+`` now).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
