"""``quick_init``: a frozen dataclass keeps all its behaviour with the one-call ``__init__``."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from draft_report.quick_init import quick_init


@dataclasses.dataclass(frozen=True)
class Plain:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    d: list[int] = dataclasses.field(default_factory=list)


@quick_init
@dataclasses.dataclass(frozen=True)
class Quick:
    a: int
    b: str = "x"
    c: tuple[int, ...] = ()
    d: list[int] = dataclasses.field(default_factory=list)


def test_same_values_repr_equality_and_hash_as_the_generated_init() -> None:
    for args, kwargs in (((1,), {}), ((1, "y"), {"c": (2,)}), ((), {"a": 3, "d": [4]})):
        p, q = Plain(*args, **kwargs), Quick(*args, **kwargs)  # type: ignore[arg-type]
        assert repr(q) == repr(p).replace("Plain", "Quick")
        assert dataclasses.astuple(q) == dataclasses.astuple(p)
        assert q == Quick(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):  # a list field: unhashable, as with the generated __init__
        hash(Quick(1))
    assert Quick(1) != Quick(2)


def test_still_frozen_replaceable_picklable_and_factories_fresh() -> None:
    q = Quick(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.a = 2  # type: ignore[misc]
    assert dataclasses.replace(q, b="z") == Quick(1, "z")
    assert pickle.loads(pickle.dumps(q)) == q
    assert Quick(1).d is not Quick(1).d
    with pytest.raises(TypeError):
        Quick()  # type: ignore[call-arg]


def test_refuses_what_it_cannot_copy() -> None:
    @dataclasses.dataclass
    class Mutable:
        a: int

    @dataclasses.dataclass(frozen=True)
    class Post:
        a: int

        def __post_init__(self) -> None:
            pass

    for cls in (Mutable, Post):
        with pytest.raises(TypeError):
            quick_init(cls)
