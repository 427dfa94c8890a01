"""YAML fixtures parsed once per test process.

Several test modules start from the same YAML text (the ``init`` template, an example's
data.yaml) and edit a copy. PyYAML's pure-Python ``safe_load`` takes ≈ 30 ms for such a file,
and it used to run in every test; ``yaml_of`` parses each distinct text once and hands out a
deep copy, so a test still gets its own object to edit, equal to what ``yaml.safe_load`` gives."""

from __future__ import annotations

import copy
import functools
from typing import Any


def yaml_of(text: str) -> Any:
    """``yaml.safe_load(text)``, as a fresh deep copy (parsed once per distinct text)."""
    return copy.deepcopy(_parsed(text))


@functools.lru_cache(maxsize=16)
def _parsed(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)
