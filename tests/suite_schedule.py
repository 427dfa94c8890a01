"""How a parallel run (pytest-xdist ``-n``) hands tests to its workers.

One test at a time, as workers free up, in collection order — which ``conftest.py`` sorts slow
tests first — so no long test is left to run alone at the end. The tests of a module listed in
``conftest.ONE_WORKER`` go to a single worker together: they share an expensive module-scoped
fixture (LibreOffice conversions …) that another worker would build a second time.

(xdist's own ``--dist loadgroup`` would do the grouping by ``xdist_group`` marks, but with
pytest ≥ 9.2 it silently stops grouping: pytest-dev/pytest-xdist#1386.)
"""

from __future__ import annotations

from typing import Any

from xdist.scheduler import LoadScopeScheduling


class SlowFirstScheduling(LoadScopeScheduling):
    """xdist's scope scheduler with one scope per test, except whole modules in ``together``.

    Scopes are handed out largest first (xdist's ``--loadscope-reorder``), then in collection
    order; a worker gets a new one when it has at most two tests left."""

    def __init__(self, config: Any, log: Any = None, together: tuple[str, ...] = ()) -> None:
        super().__init__(config, log)
        self.together = frozenset(together)

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return module if module in self.together else nodeid
