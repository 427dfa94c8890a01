"""Standard-library modules the check path imports without using: loaded on first use instead.

``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize`` …: about as much
work as all the rest of the standard library that ``draft-report check`` needs) for one use, the
signature it writes as the ``__doc__`` of a class without a docstring. ``register_lazily`` puts
the module in ``sys.modules`` empty but for its spec; the first attribute anyone reads from it
runs the module's code in that very module object, so every holder sees the real module from then
on. An ``import`` of it does not count as a use.

This is ``importlib.util.LazyLoader`` except for that last point: on Python 3.11 the import
statement itself reads ``__spec__`` and so loads a ``LazyLoader`` module at once. A module that is
already loaded is left as it is.
"""

from __future__ import annotations

import sys
import types
from importlib.machinery import ModuleSpec
from typing import Any

LAZY = ("inspect",)


class _LazyModule(types.ModuleType):
    """Runs the module's code on the first read of an attribute it does not have yet."""

    def __getattr__(self, name: str) -> Any:
        spec: ModuleSpec = self.__dict__["__spec__"]
        if self.__class__ is _LazyModule and spec.loader is not None:
            module: types.ModuleType = self
            module.__class__ = types.ModuleType  # from now on an ordinary module (no second load)
            spec.loader.exec_module(module)
            return getattr(module, name)
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")


def register_lazily(name: str) -> None:
    if name in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyModule
    sys.modules[name] = module


def register_all() -> None:
    for name in LAZY:
        register_lazily(name)
