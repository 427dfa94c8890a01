"""Standard-library modules the check path imports without using: loaded on first use instead.

``dataclasses`` imports ``inspect`` (and with it ``ast``, ``dis``, ``tokenize`` …: about as much
work as all the rest of the standard library that ``draft-report check`` needs) for one use, the
signature it writes as the ``__doc__`` of a class without a docstring. ``pathlib`` imports
``urllib.parse`` (which imports ``ipaddress`` and compiles a regex) for ``Path.as_uri``, and
``ntpath`` and ``fnmatch`` for Windows paths and glob patterns: a tenth of what starting ``check``
costs in all, for nothing the command does.

``register_lazily`` puts the module in ``sys.modules`` empty but for its spec; the first attribute
anyone reads from it runs the module's code in that very module object, so every holder sees the
real module from then on. An ``import`` of it does not count as a use. A name another module takes
with ``from module import name`` when it is imported itself (``pathlib``'s
``from urllib.parse import quote_from_bytes``) is put in the empty module as a function that loads
the module and calls the real one, so that import does not load it either.

This is ``importlib.util.LazyLoader`` except for that last point and the one before: on Python 3.11
the import statement itself reads ``__spec__`` and so loads a ``LazyLoader`` module at once. A
module that is already loaded is left as it is.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from typing import Any

# module -> the functions other modules take from it with ``from … import`` as they are imported
LAZY: dict[str, tuple[str, ...]] = {
    "inspect": (),
    "urllib.parse": ("quote_from_bytes",),
    "ntpath": (),
    "fnmatch": (),
}


class _LazyModule(types.ModuleType):
    """Runs the module's code on the first read of an attribute it does not have yet."""

    def __getattr__(self, name: str) -> Any:
        # ``from module import name`` asks for ``__path__`` first (is it a package?): not a use
        if name == "__path__" and self.__dict__["__spec__"].submodule_search_locations is None:
            raise AttributeError(name)
        if _load(self):
            return getattr(self, name)
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")


def _load(module: types.ModuleType) -> bool:
    """Run the module's code in ``module`` if it has not run yet; False if it has."""
    spec: ModuleSpec = module.__dict__["__spec__"]
    if type(module) is not _LazyModule or spec.loader is None:
        return False
    plain: types.ModuleType = module
    plain.__class__ = types.ModuleType  # from now on an ordinary module (no second load)
    spec.loader.exec_module(plain)
    return True


def _forwarder(module: types.ModuleType, name: str) -> Callable[..., Any]:
    """A stand-in for the function ``name`` of a module not loaded yet: loads it and calls the real one."""

    def forward(*args: Any, **kwargs: Any) -> Any:
        _load(module)
        return module.__dict__[name](*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    return forward


def register_lazily(name: str, taken: tuple[str, ...] = ()) -> None:
    if name in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec(name)  # (imports the parent package of a submodule)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _LazyModule
    for function in taken:
        setattr(module, function, _forwarder(module, function))
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:  # as the import system does: the package's attribute names its submodule
        setattr(sys.modules[parent], child, module)


def register_all() -> None:
    for name, taken in LAZY.items():
        register_lazily(name, taken)
