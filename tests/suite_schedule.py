"""How a parallel run (``-n``: forked workers, tests/fork_runner.py, or xdist's own with
``--no-fork``) hands tests to its workers.

Whole modules, in collection order — which ``conftest.py`` sorts most expensive first — so no long
module is left to run alone at the end, and a module's module-scoped fixtures and per-process
caches (converted workbooks, LibreOffice conversions, read PDFs …) are built by one worker only.
The tests of a module listed in ``conftest.SPLIT`` are handed out one at a time instead: long
tests that share nothing, spread over the workers. The modules of a ``conftest.TOGETHER`` group
go to one worker as one unit (they need the same expensive import).

(xdist's own ``--dist loadfile`` groups by module too, but orders modules by their number of
tests, not by cost, and cannot split a module.)
"""

from __future__ import annotations

from typing import Any

import pytest
from xdist.scheduler import LoadScopeScheduling


def scope_of(nodeid: str, split: frozenset[str], group: dict[str, str]) -> str:
    """The unit of work a test belongs to: its module, the test itself in a ``split`` module, or
    its ``together`` group (named by the group's first module)."""
    module = nodeid.split("::", 1)[0]
    return nodeid if module in split else group.get(module, module)


def units(items: list[pytest.Item]) -> list[list[int]]:
    """The forked run's units of work (``conftest.SPLIT``, ``conftest.TOGETHER``), as lists of
    indices into ``items``, in the order of their first test (collection order: slow first)."""
    from conftest import SPLIT, TOGETHER

    split = frozenset(SPLIT)
    group = {module: members[0] for members in TOGETHER for module in members}
    out: list[list[int]] = []
    where: dict[str, int] = {}
    for i, item in enumerate(items):
        scope = scope_of(item.nodeid, split, group)
        if scope not in where:
            where[scope] = len(out)
            out.append([])
        out[where[scope]].append(i)
    return out


class SlowFirstScheduling(LoadScopeScheduling):
    """xdist's scope scheduler with one scope per module, or per test in the modules of ``split``,
    or per group of modules in ``together``.

    Scopes are handed out in collection order (not largest first: ``--loadscope-reorder`` is
    turned off); a worker gets a new one when it has at most two tests left."""

    def __init__(self, config: Any, log: Any = None, split: tuple[str, ...] = (),
                 together: tuple[tuple[str, ...], ...] = ()) -> None:
        super().__init__(config, log)
        self.split = frozenset(split)
        self.group = {module: group[0] for group in together for module in group}
        config.option.loadscopereorder = False  # the order is conftest's, most expensive first

    def _split_scope(self, nodeid: str) -> str:
        return scope_of(nodeid, self.split, self.group)
