"""Where fact values come from: the data file (``--data``), or the report's own tables.

A cell the reader could not read gives no value (the claim is then unverified, never guessed).
``previous`` is last year's source (``--previous``), used for 同比/较上年 claims.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from typing import Any

from draft_report.lexicon.fields import FACTS, Fact, accepted_values, aggregate_facts, fact_value
from draft_report.lexicon.layout_facts import facts_for_layouts
from draft_report.models.document import ReportDocument
from draft_report.models.tables import Tables
from draft_report.records import dataclass


@dataclass
class FactSource:
    """Where fact values come from: the data file, or the report's own tables."""

    tables: Tables | None
    data: Any = None
    aggregates: Any = None
    unreadable: frozenset[str] = frozenset()
    name: str = "报告表格"
    previous: FactSource | None = None
    _values: dict[str, float | None] = field(default_factory=dict, repr=False, compare=False)
    _facts: Sequence[Fact] | None = field(default=None, repr=False, compare=False)
    # ``claim_check.fact_readings`` per fact object (a report's claims quote the same few facts)
    readings_cache: dict[int, tuple[Fact, list[Any]]] = field(default_factory=dict, repr=False, compare=False)
    # ``claim_check.known_values`` per fact object: the values its readings have
    known_cache: dict[int, tuple[Fact, tuple[float, ...]]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dataset(cls, dataset: Any) -> FactSource:
        return cls(dataset.data.tables(), dataset.data, dataset.aggregates, frozenset(), "数据文件")

    @classmethod
    def from_document(cls, doc: ReportDocument) -> FactSource:
        bad = frozenset(i.cell_id for i in doc.cell_issues if i.problem == "unreadable")
        return cls(doc.tables, None, None, bad, "报告表格")

    @classmethod
    def from_any(cls, obj: Any) -> FactSource | None:
        """A ``Dataset`` or a ``ReportDocument`` (what ``--previous`` may be) as a source."""
        if obj is None:
            return None
        if isinstance(obj, ReportDocument):
            source = cls.from_document(obj)
            source.name = "上年报告"
            return source
        if getattr(obj, "data", None) is not None:
            source = cls.from_dataset(obj)
            source.name = "上年数据"
            return source
        return None

    def facts(self) -> Sequence[Fact]:
        """The lexicon the prose is bound with: the tables' formats' facts (one shared tuple per
        pair of formats, so that the binding's keyword index is found by identity), and the
        data's aggregates (log channels, event kinds) when there are any."""
        if self._facts is None:
            base = FACTS
            if self.tables is not None:  # a 2019/2020 report's tables: the lexicon of their format
                base = facts_for_layouts(self.tables.table2_layout, self.tables.table3_layout)
            extra = aggregate_facts(self.aggregates.keys()) if self.aggregates is not None else []
            self._facts = (*base, *extra) if extra else base
        return self._facts

    def value(self, fact: Fact) -> float | None:
        """The fact's value (cached per fact id: a report's claims ask for the same few values)."""
        if fact.id in self._values:
            return self._values[fact.id]
        check: Callable[[str], bool] = self.unreadable.__contains__
        v = fact_value(fact, self.tables, data=self.data, aggregates=self.aggregates, unreadable=check)
        self._values[fact.id] = v
        return v

    def variant_values(self, fact: Fact) -> list[float]:
        """The fact's other legitimate readings (``also_accept``, ``accept_aggregates``)."""
        return accepted_values(fact, self.tables, self.unreadable.__contains__, self.aggregates)

    def cells_sum(self, cells: Sequence[str]) -> float | None:
        """The sum of these cells (an ``also_accept`` reading); None without tables, or when a
        cell is blank or unreadable (as ``variant_values`` of a fact accepting only ``cells``)."""
        tables = self.tables
        if tables is None:
            return None
        values = [tables.get(c) for c in cells]
        if any(v is None for v in values) or any(c in self.unreadable for c in cells):
            return None
        return float(sum(values))  # type: ignore[arg-type]

    def accepts(self, fact: Fact, value: float) -> bool:
        """True when ``value`` is one of the fact's other legitimate readings."""
        return any(abs(v - value) < 1e-9 for v in self.variant_values(fact))

    def where(self, fact: Fact) -> str:
        if fact.cells and self.data is None:
            return fact.source
        return f"{self.name}（{fact.source}）" if fact.cells else self.name

