"""``replace`` for records: ``dataclasses.replace`` without its walk over the fields.

``dataclasses.replace(obj, **changes)`` reads every field of ``obj`` (a loop in Python over the
class's fields, some twenty for ``Claim`` and ``Fact``) and calls the class with them. A frozen
class whose ``__init__`` ``records.dataclass`` wrote keeps exactly its fields, in order, in its
``__dict__`` (the ``__init__`` fills the new ``__dict__`` in one ``update``): the same call is then
``cls(**{**obj.__dict__, **changes})``, one dict merge. Any other class goes to ``dataclasses``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_T = TypeVar("_T")
_DIRECT: dict[type, bool] = {}


def _is_direct(cls: type) -> bool:
    """True for a frozen class whose ``__init__`` ``records`` wrote (it fills ``__dict__`` at once)."""
    found = _DIRECT.get(cls)
    if found is None:
        init = getattr(cls.__dict__.get("__init__"), "__code__", None)  # the class's own, not a base's
        params = getattr(cls, "__dataclass_params__", None)
        found = _DIRECT[cls] = bool(
            init is not None and params is not None and params.frozen
            and "__dict__" in init.co_names and "update" in init.co_names  # self.__dict__.update(…)
        )
    return found


def replace(obj: _T, /, **changes: Any) -> _T:
    """``dataclasses.replace(obj, **changes)``, in one dict merge for a frozen ``records`` class."""
    cls = type(obj)
    if _is_direct(cls):
        return cls(**{**obj.__dict__, **changes})  # type: ignore[no-any-return]
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]
