"""How a parallel run (pytest-xdist ``-n``) hands tests to its workers.

Whole modules, in collection order — which ``conftest.py`` sorts most expensive first — so no long
module is left to run alone at the end, and a module's module-scoped fixtures and per-process
caches (converted workbooks, LibreOffice conversions, read PDFs …) are built by one worker only.
The tests of a module listed in ``conftest.SPLIT`` are handed out one at a time instead: long
tests that share nothing, spread over the workers.

(xdist's own ``--dist loadfile`` groups by module too, but orders modules by their number of
tests, not by cost, and cannot split a module.)
"""

from __future__ import annotations

from typing import Any

from xdist.scheduler import LoadScopeScheduling


class SlowFirstScheduling(LoadScopeScheduling):
    """xdist's scope scheduler with one scope per module, or per test in the modules of ``split``.

    Scopes are handed out in collection order (not largest first: ``--loadscope-reorder`` is
    turned off); a worker gets a new one when it has at most two tests left."""

    def __init__(self, config: Any, log: Any = None, split: tuple[str, ...] = ()) -> None:
        super().__init__(config, log)
        self.split = frozenset(split)
        config.option.loadscopereorder = False  # the order is conftest's, most expensive first

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return nodeid if module in self.split else module
