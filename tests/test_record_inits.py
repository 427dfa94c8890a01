"""``record_methods.add_init`` builds ``__init__`` from the templates of ``record_init_templates`` (no
source compiled when a class is defined) and the result behaves exactly as the ``__init__`` it
compiles from source: the same signature, the same instance, the same errors. This file also
writes the template module: ``python tests/test_record_inits.py`` rewrites it from ``template_source``
(the test below checks the module is what it writes)."""

from __future__ import annotations

import dataclasses
import inspect
import sys
from pathlib import Path
from typing import Any

import pytest

from draft_report import record_init_templates, record_methods

MAX_FROZEN = 32  # fields of a frozen class (check's largest record has 31)
MAX_PLAIN = 12  # fields of a mutable one
MAX_FACTORY = 12  # fields of a class with default factories

HEADER = '''"""``__init__`` templates for ``record_methods.add_init``: one per number of fields, frozen or not.

A record's ``__init__`` is the template for its number of fields with the parameter names (and the
``__dict__`` keys of a frozen class, the attributes a mutable one sets) replaced by the class's
field names (``CodeType.replace``): the function ``add_init`` would otherwise compile from source
when the class is defined, compiled once here and cached as this module's bytecode is. A frozen
class's fills the new instance's empty ``__dict__`` with one ``update`` by keywords, in field order
(it takes over the keywords' dict table: a combined dict, as cheap to read as a dict set whole, and
cheaper to make than ``object.__setattr__(self, "__dict__", {…})`` for more than a few fields;
bench/record_init_cost.py).

Written by ``tests/test_record_inits.py`` (``python tests/test_record_inits.py`` rewrites this file;
the test checks it is what that writes): do not edit by hand.
"""

from __future__ import annotations

from typing import Any


class _Factory:
    def __repr__(self) -> str:
        return "<factory>"


# the default of a field with a default factory: the factory is called when the field is not given
FACTORY: Any = _Factory()
'''


def template_source() -> str:
    parts = [HEADER]
    for n in range(1, MAX_FROZEN + 1):
        names = [f"a{i}" for i in range(n)]
        params = ", ".join(f"{a}: Any" for a in names)
        items = ", ".join(f"{a}={a}" for a in names)
        parts.append(f"\n\ndef frozen_{n}(self: Any, {params}) -> None:\n    self.__dict__.update({items})\n")
    for n in range(1, MAX_PLAIN + 1):
        names = [f"a{i}" for i in range(n)]
        params = ", ".join(f"{a}: Any" for a in names)
        body = "".join(f"    self.{a} = {a}\n" for a in names)
        parts.append(f"\n\ndef plain_{n}(self: Any, {params}) -> None:\n{body}")
    for frozen in (True, False):
        family = "frozen_factory" if frozen else "plain_factory"
        for n in range(1, MAX_FACTORY + 1):
            names = [f"a{i}" for i in range(n)]
            params = ", ".join(f"{a}: Any" for a in names)
            values = [f"{a} if {a} is not FACTORY else factories[{i}]()" for i, a in enumerate(names)]
            if frozen:
                items = ", ".join(f"{a}={v}" for a, v in zip(names, values, strict=True))
                body = f"        self.__dict__.update({items})\n"
            else:
                body = "".join(f"        self.{a} = {v}\n" for a, v in zip(names, values, strict=True))
            parts.append(
                f"\n\ndef _{family}_{n}() -> Any:\n    factories: Any = ()  # (the class's own, in the closure)\n\n"
                f"    def {family}_{n}(self: Any, {params}) -> None:\n{body}\n    return {family}_{n}\n\n\n"
                f"{family}_{n} = _{family}_{n}()\n"
            )
    return "".join(parts)


def test_the_template_module_is_what_this_file_writes() -> None:
    assert Path(record_init_templates.__file__).read_text(encoding="utf-8") == template_source()


_MISSING = dataclasses.MISSING


def _shapes() -> list[tuple[str, bool, bool, list[Any]]]:
    """(name, frozen, kw_only, fields as (name, default)) for classes of 1 to 33 fields, defaults or not."""
    out = []
    for n in (1, 2, 3, 5, 8, 12, 13, 20, 31, 32, 33):
        for frozen in (True, False):
            for kw_only in (False, True):
                for with_defaults in (0, 1, n):
                    names = ["self" if (n == 3 and i == 1) else f"f{i}" for i in range(n)]
                    if n == 2:
                        names = ["_set", "a0"]  # the template's own names: still only the fields
                    fields = [(name, i if i >= n - with_defaults else _MISSING) for i, name in enumerate(names)]
                    if kw_only and n > 2 and with_defaults == 1:  # keyword-only: a default may come first
                        fields = fields[-1:] + fields[:-1]
                    if with_defaults == n and n > 1:  # the first of them with a default factory
                        fields[-with_defaults] = (fields[-with_defaults][0], dataclasses.field(default_factory=list))
                    kind = ("f" if frozen else "m") + ("k" if kw_only else "")
                    out.append((f"C{n}{kind}{with_defaults}", frozen, kw_only, fields))
    return out


def _make(name: str, frozen: bool, kw_only: bool, fields: list[Any], *, template: bool) -> type:
    namespace: dict[str, Any] = {"__annotations__": {f: int for f, _ in fields}, "__doc__": "d"}
    namespace.update({f: d for f, d in fields if d is not _MISSING})  # a value or a field()
    cls = type(name, (), namespace)
    made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
    chosen = record_methods._from_template if template else (lambda *a, **k: None)
    original = record_methods._from_template
    record_methods._from_template = chosen  # type: ignore[assignment]
    try:
        record_methods.add_init(made, dataclasses.fields(made), frozen=frozen, kw_only=kw_only)
    finally:
        record_methods._from_template = original  # type: ignore[assignment]
    return made


def _outcome(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    try:
        return ("ok", vars(cls(*args, **kwargs)))
    except TypeError as ex:
        return ("TypeError", str(ex))


@pytest.mark.parametrize("shape", _shapes(), ids=lambda s: s[0])
def test_template_init_is_the_compiled_one(shape: tuple[str, bool, bool, list[Any]]) -> None:
    name, frozen, kw_only, fields = shape
    built = _make(name, frozen, kw_only, fields, template=True)
    compiled = _make(name, frozen, kw_only, fields, template=False)
    n = len(fields)
    factory = any(isinstance(d, dataclasses.Field) for _, d in fields)
    expect_template = n <= (MAX_FACTORY if factory else MAX_FROZEN if frozen else MAX_PLAIN)
    assert (built.__init__.__code__.co_name == "__init__" and "__create__" not in built.__init__.__code__.co_qualname
            ) == expect_template if sys.version_info >= (3, 11) else True
    assert inspect.signature(built.__init__) == inspect.signature(compiled.__init__)
    assert built.__init__.__defaults__ == compiled.__init__.__defaults__
    assert built.__init__.__kwdefaults__ == compiled.__init__.__kwdefaults__
    assert built.__init__.__qualname__ == compiled.__init__.__qualname__ == f"{name}.__init__"
    assert built.__init__.__annotations__ == {}
    names = [f for f, _ in fields]
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        (tuple(range(n)), {}), ((), dict(zip(names, range(n), strict=True))), (tuple(range(n - 1)), {}),
        ((), {}), (tuple(range(n + 1)), {}), ((0,), {names[0]: 1}), (tuple(range(n)), {"nope": 1}),
    ]
    for args, kwargs in calls:
        assert _outcome(built, args, kwargs) == _outcome(compiled, args, kwargs), (args, kwargs)
    if factory:  # every field has a default: each instance gets its own value of the factory
        first, second = built(), built()
        listed = next(f for f, d in fields if isinstance(d, dataclasses.Field))
        assert getattr(first, listed) == [] and getattr(first, listed) is not getattr(second, listed)


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "src" / "draft_report" / "record_init_templates.py"
    target.write_text(template_source(), encoding="utf-8")
    print(f"wrote {target}")
