"""``dataclass`` as in the standard library, made cheaper to define.

``dataclasses.dataclass`` writes the source of every method it adds (``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` and, for a frozen class, ``__setattr__`` / ``__delattr__``) and compiles
each one with ``exec`` when the class is defined. The check command defines some forty such
classes on its way in, and compiling their methods was a good part of its start-up.

This ``dataclass`` lets the standard one write only what must be written per class (``__init__``
and, for a frozen class, the two attribute guards) and gives the class shared ``__repr__``,
``__eq__`` and ``__hash__`` that read the field names from the class instead of being compiled for
it. They behave as the generated ones do (Python 3.11 semantics): the same ``repr`` text, equality
only with an instance of the very same class comparing the ``compare`` fields as a tuple, a hash of
those fields for a frozen class and none (unhashable) for a mutable one, and a method the class
defines itself is kept. ``fields``, ``replace``, ``asdict`` and ``is_dataclass`` work as usual
(the class is a standard dataclass); only ``__dataclass_params__`` records ``repr`` and ``eq`` as
false, since those two methods are not the generated ones.
"""

from __future__ import annotations

import dataclasses
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # the decorator only informs type checkers; importing typing_extensions costs start-up time

    def dataclass_transform(**_: Any) -> Callable[[_T], _T]:
        return lambda decorated: decorated

_T = TypeVar("_T")
_STANDARD = dataclasses.dataclass

__all__ = ["dataclass"]


def _values_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the tuple of these attributes of an object (``()`` for no names)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        get_one = attrgetter(names[0])
        return lambda obj: (get_one(obj),)
    return attrgetter(*names)


def _add_repr(cls: type, names: tuple[str, ...]) -> None:
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

    __repr__.__qualname__ = f"{cls.__qualname__}.__repr__"
    cls.__repr__ = __repr__  # type: ignore[assignment]


def _add_eq(cls: type, names: tuple[str, ...]) -> None:
    values = _values_getter(names)

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(values(self) == values(other))
        return NotImplemented

    __eq__.__qualname__ = f"{cls.__qualname__}.__eq__"
    cls.__eq__ = __eq__  # type: ignore[assignment]


def _add_hash(cls: type, names: tuple[str, ...]) -> None:
    values = _values_getter(names)

    def __hash__(self: Any) -> int:
        return hash(values(self))

    __hash__.__qualname__ = f"{cls.__qualname__}.__hash__"
    cls.__hash__ = __hash__  # type: ignore[assignment]


def _finish(cls: type, *, repr: bool, eq: bool, frozen: bool, explicit_hash: bool) -> None:
    """Add the shared ``__repr__`` / ``__eq__`` / ``__hash__`` where the class lacks its own."""
    fields = dataclasses.fields(cls)
    own = cls.__dict__
    if repr and "__repr__" not in own:
        _add_repr(cls, tuple(f.name for f in fields if f.repr))
    if not eq:
        return
    if "__eq__" not in own:
        _add_eq(cls, tuple(f.name for f in fields if f.compare))
    if explicit_hash:
        return
    if frozen:
        _add_hash(cls, tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    else:
        cls.__hash__ = None  # type: ignore[assignment]


@overload
def dataclass(cls: type[_T], /) -> type[_T]: ...


@overload
def dataclass(
    *, repr: bool = True, eq: bool = True, frozen: bool = False, slots: bool = False, kw_only: bool = False
) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(
    cls: type[_T] | None = None,
    /,
    *,
    repr: bool = True,
    eq: bool = True,
    frozen: bool = False,
    slots: bool = False,
    kw_only: bool = False,
) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """``dataclasses.dataclass`` with shared ``__repr__`` / ``__eq__`` / ``__hash__`` (see the module)."""

    def wrap(cls: type[_T]) -> type[_T]:
        class_hash = cls.__dict__.get("__hash__", dataclasses.MISSING)
        # as ``dataclasses`` decides it: a ``__hash__ = None`` that Python set because the class
        # defines ``__eq__`` is not an explicit hash
        explicit_hash = not (class_hash is dataclasses.MISSING or (class_hash is None and "__eq__" in cls.__dict__))
        made = _STANDARD(cls, repr=False, eq=False, frozen=frozen, slots=slots, kw_only=kw_only)
        _finish(made, repr=repr, eq=eq, frozen=frozen, explicit_hash=explicit_hash)
        return made

    return wrap if cls is None else wrap(cls)
