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


# Names staff use for the same channel; two of one group in one year are probably one channel.
_CHANNEL_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"政务网站", "政府网站", "门户网站", "政府门户网站", "部门网站", "政务网"}),
    frozenset({"微信", "微信公众号", "政务微信", "公众号", "微信号"}),
    frozenset({"微博", "政务微博", "新浪微博"}),
)


def _typo(a: str, b: str) -> bool:
    """Two names of four or more characters that differ in one character (政务网站 / 政务网占)."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75 and len(set(a) ^ set(b)) <= 2


def similar_names(names: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of channel/column/kind names that probably mean one thing (微信 / 微信公众号)."""
    listed = sorted(set(names))
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(listed):
        for b in listed[i + 1 :]:
            same_group = any(a in g and b in g for g in _CHANNEL_GROUPS)
            if same_group or (min(len(a), len(b)) >= 2 and (a in b or b in a)) or _typo(a, b):
                pairs.append((a, b))
    return pairs


def similar_name_notices(aggregates: Aggregates) -> list[str]:
    """Notices for channels, columns or event kinds typed two ways in one year."""
    found: dict[str, list[str]] = {"渠道": [], "栏目": [], "活动类型": []}
    for key in aggregates.keys():
        if key.startswith("publications.channel:") and ".column:" not in key:
            found["渠道"].append(key.split(":", 1)[1])
        elif key.startswith("publications.column:"):
            found["栏目"].append(key.split(":", 1)[1])
        elif key.startswith("events.kind:") and not key.endswith(".participants"):
            found["活动类型"].append(key.split(":", 1)[1])
    out = []
    for what, names in found.items():
        for a, b in similar_names(names):
            out.append(
                f"{what}“{a}”和“{b}”写法相近，报告中按两个{what}分别统计；如为同一{what}，请在台账或数据文件中统一写法"
            )
    return out
