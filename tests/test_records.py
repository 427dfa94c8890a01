"""``draft_report.records.dataclass`` behaves as ``dataclasses.dataclass``: each class shape below is
defined twice, once with each decorator, and instances are compared method by method."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

from draft_report.records import dataclass as records_dataclass

Decorator = Callable[..., Any]


def shapes(deco: Decorator) -> dict[str, tuple[type, list[tuple[Any, ...]]]]:
    """Class shapes the package uses (and some it might), each with constructor arguments."""

    @deco(frozen=True)
    class Frozen:
        a: int
        b: str = "x"
        c: tuple[int, ...] = ()

    @deco
    class Plain:
        a: int
        items: list[int] = dataclasses.field(default_factory=list)
        KIND: ClassVar[str] = "plain"

    @deco(frozen=True)
    class Hidden:
        a: int
        note: str = dataclasses.field(default="", repr=False, compare=False)
        weight: float = dataclasses.field(default=1.0, hash=False)

    @deco(frozen=True)
    class Empty:
        pass

    @deco(frozen=True)
    class One:
        a: object

    @deco(frozen=True)
    class Base:
        a: int

    @deco(frozen=True)
    class Child(Base):
        b: int = 0

    @deco(frozen=True)
    class OwnRepr:
        a: int

        def __repr__(self) -> str:
            return f"<{self.a}>"

    @deco(frozen=True)
    class OwnEq:
        a: int
        b: int = 0

        def __eq__(self, other: object) -> bool:
            return isinstance(other, OwnEq) and other.a == self.a

    @deco(frozen=True)
    class OwnHash:
        a: int

        def __hash__(self) -> int:
            return 7

    @deco(slots=True, kw_only=True)
    class Slotted:
        a: int
        b: str = ""

    @deco(eq=False)
    class NoEq:
        a: int

    @deco(repr=False)
    class NoRepr:
        a: int

    return {
        "Frozen": (Frozen, [(1,), (1, "y", (1, 2)), (2,)]),
        "Plain": (Plain, [(1,), (1, [1, 2]), (2,)]),
        "Hidden": (Hidden, [(1,), (1, "note"), (1, "", 2.0), (2,)]),
        "Empty": (Empty, [()]),
        "One": (One, [(1,), ("s",), (None,)]),
        "Base": (Base, [(1,), (2,)]),
        "Child": (Child, [(1,), (1, 2)]),
        "OwnRepr": (OwnRepr, [(1,), (2,)]),
        "OwnEq": (OwnEq, [(1,), (1, 5), (2,)]),
        "OwnHash": (OwnHash, [(1,), (2,)]),
        "Slotted": (Slotted, [(), ]),
        "NoEq": (NoEq, [(1,), (2,)]),
        "NoRepr": (NoRepr, [(1,)]),
    }


STANDARD = shapes(dataclasses.dataclass)
OURS = shapes(records_dataclass)


def _make(cls: type, args: tuple[Any, ...]) -> Any:
    return cls(a=1, b="k") if cls.__name__ == "Slotted" else cls(*args)


def _hash_or_error(obj: Any) -> Any:
    try:
        return hash(obj)
    except TypeError as ex:
        return ("unhashable", str(ex))


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
        assert dataclasses.asdict(o) == dataclasses.asdict(s)
    for i in range(len(cases)):
        for j in range(len(cases)):
            assert (ours[i] == ours[j]) == (std[i] == std[j])
            assert (ours[i] != ours[j]) == (std[i] != std[j])
    assert [f.name for f in dataclasses.fields(our_cls)] == [f.name for f in dataclasses.fields(std_cls)]
    assert dataclasses.is_dataclass(our_cls)
    assert (our_cls.__hash__ is None) == (std_cls.__hash__ is None)


def test_equality_needs_the_very_same_class() -> None:
    base, child = OURS["Base"][0], OURS["Child"][0]
    assert base(1) != child(1)
    assert base(1) != (1,)
    assert base(1).__eq__((1,)) is NotImplemented


def test_frozen_instances_refuse_assignment_and_deletion() -> None:
    obj = OURS["Frozen"][0](1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        obj.a = 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        del obj.a
    assert dataclasses.replace(obj, a=3).a == 3


def test_recursive_repr_is_cut_short_as_the_standard_one_is() -> None:
    for table in (STANDARD, OURS):
        plain = table["Plain"][0]
        obj = plain(1)
        obj.items.append(obj)
        assert repr(obj) == "test_records.shapes.<locals>.Plain(a=1, items=[...])".replace(
            "test_records.", "")


def test_slots_and_kw_only_are_kept() -> None:
    slotted = OURS["Slotted"][0]
    assert slotted.__slots__ == ("a", "b")
    with pytest.raises(TypeError):
        slotted(1)
