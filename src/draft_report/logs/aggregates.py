"""Deterministic counts from the activity logs (or typed into the data file).

Keys (see notes/interfaces.md):
``publications.total``, ``publications.channel:<渠道>``, ``publications.column:<栏目>``,
``publications.channel:<渠道>.column:<栏目>``, ``events.total``, ``events.kind:<类型>``,
and, when participants are known, ``events.participants`` and ``events.kind:<类型>.participants``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping


def publication_keys(channel: str, column: str | None) -> list[str]:
    """The aggregate keys one publication (or a typed count) adds to."""
    keys = ["publications.total", f"publications.channel:{channel}"]
    if column:
        keys += [f"publications.column:{column}", f"publications.channel:{channel}.column:{column}"]
    return keys


def event_keys(kind: str) -> list[str]:
    return ["events.total", f"events.kind:{kind}"]


def participant_keys(kind: str) -> list[str]:
    return ["events.participants", f"events.kind:{kind}.participants"]


class Aggregates:
    """Read-only mapping of aggregate key → count, in a stable (sorted) order."""

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self._counts: dict[str, int] = dict(sorted((counts or {}).items()))

    def get(self, key: str) -> int | None:
        return self._counts.get(key)

    def keys(self) -> list[str]:
        return list(self._counts)

    def items(self) -> list[tuple[str, int]]:
        return list(self._counts.items())

    def __contains__(self, key: object) -> bool:
        return key in self._counts

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Aggregates) and other._counts == self._counts

    def __repr__(self) -> str:
        return f"Aggregates({self._counts!r})"

    def to_dict(self) -> dict[str, int]:
        return dict(self._counts)


def add_counts(target: dict[str, int], keys: Iterable[str], n: int) -> None:
    for k in keys:
        target[k] = target.get(k, 0) + n
