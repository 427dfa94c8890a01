"""``quick_init``: a frozen dataclass built at the cost of a plain one.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses): one call per field, which makes building a 20-field ``Claim`` about five
times dearer than building a plain dataclass. The checker builds such objects for every number of
the prose (``Quantity``, ``Binding``, ``Claim``, facts narrowed with ``dataclasses.replace``), so
``quick_init`` swaps the generated ``__init__`` for one that sets the instance's ``__dict__`` in a
single call. Everything else stays the dataclass's own: fields, defaults, ``__eq__``, ``__hash__``,
``__repr__``, immutability, ``dataclasses.replace`` (which calls ``__init__``), pickling.

Only for frozen dataclasses without ``__slots__``, ``__post_init__``, ``InitVar`` or
``init=False`` fields (checked when decorating); a field with a ``default_factory`` gets a fresh
value per instance, as in the generated ``__init__``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

_MISSING = dataclasses.MISSING


def quick_init(cls: type[T]) -> type[T]:
    """Give the frozen dataclass ``cls`` an ``__init__`` that sets all fields in one call (see module doc)."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"quick_init: {cls.__name__} is not a frozen dataclass")
    if hasattr(cls, "__slots__") or hasattr(cls, "__post_init__"):
        raise TypeError(f"quick_init: {cls.__name__} has __slots__ or __post_init__")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if any(not f.init or f.kw_only is True for f in fields):
        raise TypeError(f"quick_init: {cls.__name__} has a keyword-only field or one outside __init__")
    namespace: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": _MISSING}
    args: list[str] = []
    values: list[str] = []
    for f in fields:
        name = f.name
        if f.default is not _MISSING:
            namespace[f"_d_{name}"] = f.default
            args.append(f"{name}=_d_{name}")
            values.append(name)
        elif f.default_factory is not _MISSING:
            namespace[f"_f_{name}"] = f.default_factory
            args.append(f"{name}=_MISSING")
            values.append(f"_f_{name}() if {name} is _MISSING else {name}")
        else:
            args.append(name)
            values.append(name)
    body = ", ".join(f"{f.name!r}: {v}" for f, v in zip(fields, values, strict=True))
    source = f"def __init__(self, {', '.join(args)}):\n    _set(self, '__dict__', {{{body}}})\n"
    exec(source, namespace)  # the same technique as ``dataclasses`` itself
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign, misc]
    return cls
