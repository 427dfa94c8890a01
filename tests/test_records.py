"""``draft_report.records.dataclass`` behaves as ``dataclasses.dataclass``: each class shape below is
defined twice, once with each decorator, and instances are compared method by method."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

from draft_report.records import dataclass as records_dataclass

Decorator = Callable[..., Any]


def shapes(deco: Decorator) -> dict[str, tuple[type, list[tuple[Any, ...]]]]:
    """Class shapes the package uses (and some it might), each with constructor arguments."""

    @deco(frozen=True)
    class Frozen:
        """A frozen record."""

        a: int
        b: str = "x"
        c: tuple[int, ...] = ()

    @deco
    class Plain:
        """A mutable record with a default factory and a class variable."""

        a: int
        items: list[int] = dataclasses.field(default_factory=list)
        KIND: ClassVar[str] = "plain"

    @deco(frozen=True)
    class FrozenFactory:
        """A frozen record with a default factory."""

        a: int
        items: list[int] = dataclasses.field(default_factory=list)
        KIND: ClassVar[str] = "frozen"

    @deco(frozen=True)
    class Hidden:
        """Fields left out of repr, comparison or hash."""

        a: int
        note: str = dataclasses.field(default="", repr=False, compare=False)
        weight: float = dataclasses.field(default=1.0, hash=False)

    @deco(frozen=True)
    class Empty:
        """No fields."""

    @deco
    class EmptyPlain:
        """No fields, mutable."""

    @deco(frozen=True)
    class One:
        """One field."""

        a: object

    @deco(frozen=True)
    class SelfField:
        """A field named self."""

        self: int
        other: int = 0

    @deco(frozen=True)
    class NoDocstring:
        a: int
        b: str = "x"

    @deco(frozen=True)
    class Base:
        """A base record."""

        a: int

    @deco(frozen=True)
    class Child(Base):
        """A record derived from another."""

        b: int = 0

    @deco(frozen=True)
    class OwnRepr:
        """Its own repr."""

        a: int

        def __repr__(self) -> str:
            return f"<{self.a}>"

    @deco(frozen=True)
    class OwnEq:
        """Its own equality."""

        a: int
        b: int = 0

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnEq) and other.a == self.a

    @deco(frozen=True)
    class OwnHash:
        """Its own hash."""

        a: int

        def __hash__(self) -> int:
            return 7

    @deco
    class OwnInit:
        """Its own __init__."""

        a: int

        def __init__(self, value: str) -> None:
            self.a = len(value)

    @deco
    class PostInit:
        """A __post_init__."""

        a: int
        double: int = dataclasses.field(init=False, default=0)

        def __post_init__(self) -> None:
            self.double = 2 * self.a

    @deco(slots=True, kw_only=True)
    class Slotted:
        """Slots, keyword-only."""

        a: int
        b: str = ""

    @deco(eq=False)
    class NoEq:
        """No equality."""

        a: int

    @deco(repr=False)
    class NoRepr:
        """No repr."""

        a: int

    return {
        "Frozen": (Frozen, [(1,), (1, "y", (1, 2)), (2,)]),
        "Plain": (Plain, [(1,), (1, [1, 2]), (2,)]),
        "FrozenFactory": (FrozenFactory, [(1,), (1, [1, 2]), (2,)]),
        "Hidden": (Hidden, [(1,), (1, "note"), (1, "", 2.0), (2,)]),
        "Empty": (Empty, [()]),
        "EmptyPlain": (EmptyPlain, [()]),
        "One": (One, [(1,), ("s",), (None,)]),
        "SelfField": (SelfField, [(1,), (1, 2)]),
        "NoDocstring": (NoDocstring, [(1,), (1, "y")]),
        "Base": (Base, [(1,), (2,)]),
        "Child": (Child, [(1,), (1, 2)]),
        "OwnRepr": (OwnRepr, [(1,), (2,)]),
        "OwnEq": (OwnEq, [(1,), (1, 5), (2,)]),
        "OwnHash": (OwnHash, [(1,), (2,)]),
        "OwnInit": (OwnInit, [("ab",), ("abc",)]),
        "PostInit": (PostInit, [(1,), (2,)]),
        "Slotted": (Slotted, [()]),
        "NoEq": (NoEq, [(1,), (2,)]),
        "NoRepr": (NoRepr, [(1,)]),
    }


STANDARD = shapes(dataclasses.dataclass)
OURS = shapes(records_dataclass)
# the shapes whose __init__ records writes itself (the others are left to dataclasses)
WRITTEN = {"Frozen", "Plain", "FrozenFactory", "Hidden", "Empty", "EmptyPlain", "One", "SelfField", "Base",
           "OwnRepr", "OwnEq", "OwnHash", "NoEq", "NoRepr", "Slotted"}


def _make(cls: type, args: tuple[Any, ...]) -> Any:
    return cls(a=1, b="k") if cls.__name__ == "Slotted" else cls(*args)


def _hash_or_error(obj: Any) -> Any:
    try:
        return hash(obj)
    except TypeError as ex:
        return ("unhashable", str(ex))


def _outcome(call: Callable[[], Any]) -> Any:
    try:
        return ("ok", call())
    except Exception as ex:  # noqa: BLE001 — the error itself is what is compared
        return (type(ex).__name__, str(ex).replace("records", "std"))


@pytest.mark.parametrize("name", sorted(STANDARD))
def test_same_methods_as_the_standard_dataclass(name: str) -> None:
    std_cls, cases = STANDARD[name]
    our_cls, _ = OURS[name]
    std = [_make(std_cls, args) for args in cases]
    ours = [_make(our_cls, args) for args in cases]
    # a method neither adds stays object's (identity hash, default repr): the same on both sides
    for method in ("__repr__", "__eq__", "__hash__"):
        assert (getattr(our_cls, method) is getattr(object, method)) == (
            getattr(std_cls, method) is getattr(object, method))
    for s, o in zip(std, ours, strict=True):
        if std_cls.__repr__ is not object.__repr__:
            assert repr(o) == repr(s)
        if std_cls.__hash__ is not object.__hash__:
            assert _hash_or_error(o) == _hash_or_error(s)
        assert o.__dict__ == s.__dict__ if hasattr(s, "__dict__") else dataclasses.asdict(o) == dataclasses.asdict(s)
        assert dataclasses.asdict(o) == dataclasses.asdict(s)
    for i in range(len(cases)):
        for j in range(len(cases)):
            assert (ours[i] == ours[j]) == (std[i] == std[j])
            assert (ours[i] != ours[j]) == (std[i] != std[j])
    assert [f.name for f in dataclasses.fields(our_cls)] == [f.name for f in dataclasses.fields(std_cls)]
    assert dataclasses.is_dataclass(our_cls)
    assert (our_cls.__hash__ is None) == (std_cls.__hash__ is None)
    assert our_cls.__match_args__ == std_cls.__match_args__
    assert our_cls.__doc__ == std_cls.__doc__
    for attr in ("init", "frozen", "order", "unsafe_hash"):
        assert getattr(our_cls.__dataclass_params__, attr) == getattr(std_cls.__dataclass_params__, attr)
    # the generated __init__ is annotated (at least ``return: None``); the one records writes is not
    assert (our_cls.__init__.__annotations__ == {}) == (name in WRITTEN)


@pytest.mark.parametrize("name", sorted(WRITTEN))
def test_the_written_init_takes_and_refuses_what_the_generated_one_does(name: str) -> None:
    std_cls, cases = STANDARD[name]
    our_cls, _ = OURS[name]
    assert our_cls.__init__.__module__ == std_cls.__init__.__module__
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [(args, {}) for args in cases]
    names = [f.name for f in dataclasses.fields(std_cls)]
    calls += [((), dict(zip(names, args, strict=False))) for args in cases]  # by keyword
    calls += [((), {}), ((1, 2, 3, 4, 5), {}), ((1,), {"a": 2}), ((1,), {"nope": 1})]  # missing, too many, twice, unknown
    for args, kwargs in calls:
        std = _outcome(lambda a=args, k=kwargs: vars(std_cls(*a, **k)))
        ours = _outcome(lambda a=args, k=kwargs: vars(our_cls(*a, **k)))
        assert ours == std, (args, kwargs)


def test_a_default_factory_gives_each_instance_its_own_value() -> None:
    for name in ("Plain", "FrozenFactory"):
        cls = OURS[name][0]
        first, second = cls(1), cls(2)
        assert first.items == [] and first.items is not second.items
        given = [1]
        assert cls(1, given).items is given


def test_equality_needs_the_very_same_class() -> None:
    base, child = OURS["Base"][0], OURS["Child"][0]
    assert base(1) != child(1)
    assert base(1) != (1,)
    assert base(1).__eq__((1,)) is NotImplemented


@pytest.mark.parametrize("name", ["Frozen", "FrozenFactory", "Child", "Empty"])
def test_frozen_instances_refuse_assignment_and_deletion(name: str) -> None:
    for table in (STANDARD, OURS):
        obj = table[name][0](*table[name][1][0])
        for field_name in ("a", "new"):
            with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to field '{field_name}'"):
                setattr(obj, field_name, 2)
            with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot delete field '{field_name}'"):
                delattr(obj, field_name)


def test_a_subclass_of_a_frozen_record_may_add_attributes_but_not_change_fields() -> None:
    for table in (STANDARD, OURS):
        frozen = table["Frozen"][0]

        class Sub(frozen):  # type: ignore[valid-type, misc]
            pass

        obj = Sub(1)
        obj.extra = 5
        assert obj.extra == 5
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.a = 2


def test_replace_copy_and_pickle_keep_working() -> None:
    frozen = OURS["Frozen"][0]
    obj = frozen(1, "y", (3,))
    assert dataclasses.replace(obj, a=3) == frozen(3, "y", (3,))
    assert copy.copy(obj) == obj and copy.deepcopy(obj) == obj
    global PicklableRecord
    PicklableRecord = records_dataclass(frozen=True)(_Picklable)
    item = PicklableRecord(1, [2])
    assert pickle.loads(pickle.dumps(item)) == item


class _Picklable:
    """A record pickled by reference to this module."""

    a: int
    b: list[int]


PicklableRecord: Any = None
_Picklable.__qualname__ = _Picklable.__name__ = "PicklableRecord"


def test_definition_errors_are_the_standard_ones() -> None:
    def define(deco: Decorator, body: dict[str, Any], types: dict[str, str]) -> Any:
        return _outcome(lambda: deco(frozen=True)(type("Bad", (), {
            "__doc__": "A faulty record.", "__annotations__": types, **body})))

    cases: list[tuple[dict[str, Any], dict[str, str]]] = [
        ({"a": 1}, {"a": "int", "b": "int"}),  # non-default after default
        ({"a": []}, {"a": "list[int]"}),  # mutable default
        ({"__setattr__": lambda self, n, v: None}, {"a": "int"}),  # frozen with its own __setattr__
    ]
    for body, types in cases:
        std = define(dataclasses.dataclass, body, types)
        ours = define(records_dataclass, body, types)
        assert std[0] != "ok" and ours == std


def test_recursive_repr_is_cut_short_as_the_standard_one_is() -> None:
    for table in (STANDARD, OURS):
        plain = table["Plain"][0]
        obj = plain(1)
        obj.items.append(obj)
        assert repr(obj) == "shapes.<locals>.Plain(a=1, items=[...])"


def test_slots_and_kw_only_are_kept() -> None:
    slotted = OURS["Slotted"][0]
    assert slotted.__slots__ == ("a", "b")
    with pytest.raises(TypeError):
        slotted(1)
    assert OURS["PostInit"][0](3).double == 6
