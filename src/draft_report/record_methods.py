"""The methods ``records.dataclass`` gives a class, as ``dataclasses`` would generate them.

``__repr__``, ``__eq__``, ``__hash__`` and a frozen class's ``__setattr__`` / ``__delattr__`` are
shared functions that read the field names they need from a closure: nothing is compiled per
class. ``__init__`` has the class's own signature: a template of ``record_init_templates`` with its
names replaced by the fields' (nothing compiled; compiling one short source per class when the
class is defined was about a tenth of starting ``check``), or, for a class with a default factory
or more fields than the templates cover, compiled from a short source:
a frozen class's ``__init__`` fills the instance's empty ``__dict__`` in one ``update`` by keywords
instead of one ``object.__setattr__`` per field. Semantics are those of Python 3.11's ``dataclasses`` (see tests/test_records.py).
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from types import CellType, CodeType, FunctionType
from typing import Any

_MISSING = dataclasses.MISSING


def values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the tuple of these attributes of an object (``()`` for no names)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        get_one = attrgetter(names[0])
        return lambda obj: (get_one(obj),)
    return attrgetter(*names)


def _install(cls: type, name: str, method: Callable[..., Any]) -> None:
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    method.__module__ = cls.__module__
    setattr(cls, name, method)


def add_repr(cls: type, names: tuple[str, ...]) -> None:
    """``Name(a=1, b='x')`` with ``__qualname__``, guarded against recursion as ``dataclasses`` is."""
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = (id(self), get_ident())
        if key in running:
            return "..."
        running.add(key)
        try:
            inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inner})"

    _install(cls, "__repr__", __repr__)


def add_eq(cls: type, names: tuple[str, ...]) -> None:
    values = values_getter(names)

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(values(self) == values(other))
        return NotImplemented

    _install(cls, "__eq__", __eq__)


def add_hash(cls: type, names: tuple[str, ...]) -> None:
    values = values_getter(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    _install(cls, "__hash__", __hash__)


def add_frozen_guards(cls: type, names: tuple[str, ...]) -> None:
    """Assigning or deleting an attribute raises ``FrozenInstanceError`` (any attribute on an
    instance of ``cls`` itself, a field's on an instance of a subclass)."""
    for name in ("__setattr__", "__delattr__"):
        if name in cls.__dict__:
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    error = dataclasses.FrozenInstanceError
    owner: Any = cls  # ``super(owner, self)``: the class these guards belong to

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise error(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise error(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)

    _install(cls, "__setattr__", __setattr__)
    _install(cls, "__delattr__", __delattr__)


def add_init(cls: type, fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool, kw_only: bool = False) -> None:
    """An ``__init__`` taking every field in order (a default or a default factory where given;
    all keyword-only with ``kw_only``), setting the instance's ``__dict__`` at once for a frozen
    class, field by field otherwise."""
    seen_default = False
    for f in () if kw_only else fields:
        if f.default is _MISSING and f.default_factory is _MISSING:
            if seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            seen_default = True
    init = _from_template(cls, fields, frozen=frozen, kw_only=kw_only)
    if init is None:
        init = _compiled_init(fields, frozen=frozen, kw_only=kw_only)
    _install(cls, "__init__", init)


def _from_template(cls: type, fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool, kw_only: bool) -> Any:
    """The ``__init__`` for ``fields`` made from a ``record_init_templates`` function (its names
    replaced by the fields'), or None when there is no template for that many fields: no source
    compiled. A class with default factories gets the template that calls a field's factory when
    the field is not given (the factories in the function's closure)."""
    from draft_report import record_init_templates as templates

    factories = tuple(None if f.default_factory is _MISSING else f.default_factory for f in fields)
    family = ("frozen" if frozen else "plain") + ("_factory" if any(f is not None for f in factories) else "")
    template = getattr(templates, f"{family}_{len(fields)}", None)
    if template is None:
        return None
    code: CodeType = template.__code__
    names = tuple(f.name for f in fields)
    slots = tuple(f"a{i}" for i in range(len(fields)))
    renamed = dict(zip(slots, names, strict=True))
    if not set(code.co_names) <= {*slots, "__dict__", "update", "FACTORY"}:
        return None
    # frozen: self.__dict__.update(a0=a0, …), the keywords a constant tuple; mutable: self.a0 = a0 …,
    # the attributes are names
    code = code.replace(co_varnames=("__self" if "self" in names else "self", *names),
                        co_consts=tuple(_renamed(c, renamed) for c in code.co_consts),
                        co_names=tuple(renamed.get(n, n) for n in code.co_names))
    if kw_only:  # the same names after ``*``
        code = code.replace(co_argcount=1, co_kwonlyargcount=len(fields))
    code = code.replace(co_name="__init__")
    if hasattr(code, "co_qualname"):  # (3.11+) what a traceback shows
        code = code.replace(co_qualname=f"{cls.__qualname__}.__init__")  # type: ignore[call-arg]
    closure = (CellType(factories),) if code.co_freevars else None
    init = FunctionType(code, template.__globals__, "__init__", None, closure)
    defaults = {f.name: templates.FACTORY if f.default is _MISSING else f.default
                for f in fields if f.default is not _MISSING or f.default_factory is not _MISSING}
    if kw_only:
        init.__kwdefaults__ = defaults or None
    else:
        init.__defaults__ = tuple(defaults.values()) or None
    return init


def _renamed(const: Any, renamed: dict[str, str]) -> Any:
    """A constant of a frozen template with its keys renamed: a key, or a tuple of keys (the
    compiler builds a dict display of many keys in chunks)."""
    if isinstance(const, str):
        return renamed.get(const, const)
    if isinstance(const, tuple) and const and all(isinstance(k, str) and k in renamed for k in const):
        return tuple(renamed[k] for k in const)
    return const


def _compiled_init(fields: tuple[dataclasses.Field[Any], ...], *, frozen: bool, kw_only: bool) -> Any:
    """The ``__init__`` for ``fields`` compiled from source (as ``dataclasses`` does)."""
    # closure names start with "__", which no field's can (``records`` hands such classes to dataclasses)
    self_name = "__self" if "self" in {f.name for f in fields} else "self"
    from draft_report.record_init_templates import FACTORY

    closure: dict[str, Any] = {"__factory": FACTORY}
    params: list[str] = [self_name, "*"] if kw_only and fields else [self_name]
    values: list[str] = []
    for i, f in enumerate(fields):
        if f.default_factory is not _MISSING:
            closure[f"__f{i}"] = f.default_factory
            params.append(f"{f.name}=__factory")
            values.append(f"__f{i}() if {f.name} is __factory else {f.name}")
        elif f.default is not _MISSING:
            closure[f"__d{i}"] = f.default
            params.append(f"{f.name}=__d{i}")
            values.append(f.name)
        else:
            params.append(f.name)
            values.append(f.name)
    if frozen:  # the new instance's empty ``__dict__`` filled by one update, as the templates do
        items = ", ".join(f"{f.name}={v}" for f, v in zip(fields, values, strict=True))
        body = f"{self_name}.__dict__.update({items})"
    else:
        body = "; ".join(f"{self_name}.{f.name} = {v}" for f, v in zip(fields, values, strict=True)) or "pass"
    source = (f"def __create__({', '.join(closure)}):\n"
              f" def __init__({', '.join(params)}):\n  {body}\n return __init__")
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # as ``dataclasses`` does: the signature is the class's own
    return namespace["__create__"](**closure)
