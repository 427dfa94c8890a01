"""``dataclass`` as in the standard library, made cheaper to define.

``dataclasses.dataclass`` writes the source of every method it adds (``__init__``, ``__repr__``,
``__eq__``, ``__hash__`` and, for a frozen class, ``__setattr__`` / ``__delattr__``) and compiles
each one with ``exec`` when the class is defined. The check command defines some forty such
classes on its way in; compiling their methods was a sixth of its start-up.

This ``dataclass`` has the standard one collect the fields (and check them: defaults, ClassVar,
mutable defaults …) and adds the methods itself (``record_methods``): ``__repr__``, ``__eq__``,
``__hash__`` and the frozen guards are shared functions, and only ``__init__`` is made per class
(from a ``record_init_templates`` template, or compiled from a short source); a frozen instance's
``__dict__`` is set in one call. They behave as the generated
ones do (Python 3.11 semantics, tests/test_records.py): the same ``repr`` text, equality only with
an instance of the very same class comparing the ``compare`` fields as a tuple, a hash of those
fields for a frozen class and none (unhashable) for a mutable one, ``FrozenInstanceError`` on
assignment, and a method the class defines itself is kept. ``fields``, ``replace``, ``asdict`` and
``is_dataclass`` work as usual (the class is a standard dataclass; ``__dataclass_params__`` says
``frozen`` and ``init`` as given, ``repr`` and ``eq`` false since those are not generated).

A class this module does not write ``__init__`` for is handed whole to ``dataclasses`` for that
part: one with ``__slots__`` and frozen, some fields keyword-only and some not, ``__post_init__``,
``InitVar`` / ``KW_ONLY`` fields, fields outside ``__init__``, base classes, its own ``__init__``,
or no docstring (``dataclasses`` writes the signature as its docstring). For a class with
``__slots__`` ``dataclasses`` makes the slotted class (a new one), and ``__init__`` is added to it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

from draft_report.record_methods import add_eq, add_frozen_guards, add_hash, add_init, add_repr

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # the decorator only informs type checkers; importing typing_extensions costs start-up time

    def dataclass_transform(**_: Any) -> Callable[[_T], _T]:
        return lambda decorated: decorated

_T = TypeVar("_T")
_STANDARD = dataclasses.dataclass

__all__ = ["dataclass"]


def _writes_init(cls: type, *, slots: bool, kw_only: bool, frozen: bool) -> bool:
    """Whether ``add_init`` makes this class's ``__init__`` (else ``dataclasses`` does; see the module)."""
    if (slots and frozen) or cls.__bases__ != (object,) or not cls.__doc__:
        return False
    if "__init__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        return False
    annotations = cls.__dict__.get("__annotations__", {})
    if any(name.startswith("__") for name in annotations):  # the names record_methods.add_init uses
        return False
    if any("InitVar" in str(a) or "KW_ONLY" in str(a) for a in annotations.values()):
        return False
    # every field keyword-only or none (as the class says)
    return not any(isinstance(v, dataclasses.Field) and (not v.init or v.kw_only is (not kw_only))
                   for v in cls.__dict__.values())


def _finish(cls: type, *, repr: bool, eq: bool, frozen: bool, explicit_hash: bool) -> None:
    """Add the shared ``__repr__`` / ``__eq__`` / ``__hash__`` where the class lacks its own."""
    fields = dataclasses.fields(cls)
    own = cls.__dict__
    if repr and "__repr__" not in own:
        add_repr(cls, tuple(f.name for f in fields if f.repr))
    if not eq:
        return
    if "__eq__" not in own:
        add_eq(cls, tuple(f.name for f in fields if f.compare))
    if explicit_hash:
        return
    if frozen:
        add_hash(cls, tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
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
    """``dataclasses.dataclass`` with methods that cost less to define (see the module)."""

    def wrap(cls: type[_T]) -> type[_T]:
        made: Any
        class_hash = cls.__dict__.get("__hash__", dataclasses.MISSING)
        # as ``dataclasses`` decides it: a ``__hash__ = None`` that Python set because the class
        # defines ``__eq__`` is not an explicit hash
        explicit_hash = not (class_hash is dataclasses.MISSING or (class_hash is None and "__eq__" in cls.__dict__))
        if not _writes_init(cls, slots=slots, kw_only=kw_only, frozen=frozen):
            made = _STANDARD(cls, repr=False, eq=False, frozen=frozen, slots=slots, kw_only=kw_only)
        else:
            made = _STANDARD(cls, init=False, repr=False, eq=False, frozen=False, slots=slots, kw_only=kw_only)
            fields = dataclasses.fields(made)
            if not all(f.init and f.kw_only is kw_only for f in fields):  # _writes_init missed one
                raise TypeError(f"records.dataclass: cannot write __init__ of {cls.__qualname__}")
            add_init(made, fields, frozen=frozen, kw_only=kw_only)
            params: Any = made.__dataclass_params__  # type: ignore[attr-defined]
            params.init = True
            if frozen:
                add_frozen_guards(made, tuple(f.name for f in fields))
                params.frozen = True
        _finish(made, repr=repr, eq=eq, frozen=frozen, explicit_hash=explicit_hash)
        return made

    return wrap if cls is None else wrap(cls)
