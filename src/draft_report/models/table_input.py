"""Pydantic models of 表二/表三/表四 for the agency's data file, generated from ``tables.layout``.

``Table2``/``Table3``/``Table4`` validate what an agency typed into its data file (types,
non-negativity, no unknown cells) and name the fields ``loading.errors`` turns into Chinese
messages. A cell is ``None`` when it is blank: blank is never silently zero. Input-level completeness
(every non-total cell given, totals derived or validated) is enforced by ``models.data``.

What a reader parsed from a published report, and the tables the drafter and checker work
on, are the plain ``models.tables.Tables`` (no pydantic: checking a report never imports it);
``ReportData.tables()`` builds them from these models.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from draft_report.tables import layout as L

Count = int | None
Amount = float | None


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _count_field(label: str, signed: bool = False) -> Any:
    if signed:
        return (Count, Field(default=None, description=label))
    return (Count, Field(default=None, ge=0, description=label))


def _amount_field(label: str) -> Any:
    return (Amount, Field(default=None, ge=0, description=label))


# --- 表二 -------------------------------------------------------------------

def _t2_item_models(layout: L.Layout, suffix: str) -> dict[str, type[_Part]]:
    out: dict[str, type[_Part]] = {}
    for block in layout.t2_blocks:
        for item in block.items:
            fields = {
                m.id: (_amount_field(m.label) if m.decimal else _count_field(m.label, m.signed))
                for m in block.measures
            }
            out[item.id] = create_model(  # type: ignore[call-overload]
                f"T2_{item.id}{suffix}",
                __base__=_Part,
                __doc__=f"{block.caption} {item.label}",
                **fields,
            )
    return out


class _TableBase(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    layout: ClassVar[L.Layout] = L.LAYOUT_2021

    def _locate(self, cell_id: str) -> tuple[BaseModel, str]:
        parts = cell_id.split(".")
        if len(parts) != 3:
            raise KeyError(cell_id)
        _, outer, inner = parts
        part = getattr(self, outer, None)
        if not isinstance(part, BaseModel) or inner not in type(part).model_fields:
            raise KeyError(cell_id)
        return part, inner

    def get(self, cell_id: str) -> int | float | None:
        part, name = self._locate(cell_id)
        return getattr(part, name)

    def set(self, cell_id: str, value: int | float | None) -> None:
        part, name = self._locate(cell_id)
        setattr(part, name, value)

    def cells(self) -> dict[str, int | float | None]:
        """All cells of this table keyed by global cell id, in printed order."""
        return {cid: getattr(getattr(self, outer), inner) for cid, outer, inner in _cell_paths(type(self))}

    @classmethod
    def cell_ids(cls) -> list[str]:
        """The table's cell ids in printed order (from ``layout``)."""
        raise NotImplementedError


@cache
def _cell_paths(cls: type[_TableBase]) -> tuple[tuple[str, str, str], ...]:
    """(cell id, part field, value field) of every cell of a table class, in printed order: the
    layout's ids split once per class, not once per cell and call (``cells`` runs on every check
    against a data file)."""
    paths = []
    for cid in cls.cell_ids():
        _, outer, inner = cid.split(".")
        part = cls.model_fields[outer].annotation
        if not (isinstance(part, type) and inner in part.model_fields):  # the layout and the model disagree
            raise KeyError(cid)
        paths.append((cid, outer, inner))
    return tuple(paths)


def _t2_fields(layout: L.Layout, suffix: str) -> dict[str, Any]:
    models = _t2_item_models(layout, suffix)
    out: dict[str, Any] = {}
    for block in layout.t2_blocks:
        for item in block.items:
            model = models[item.id]
            out[item.id] = (model, Field(default_factory=model, description=f"{block.caption} {item.label}"))
    return out


class _Table2Base(_TableBase):
    @classmethod
    def cell_ids(cls) -> list[str]:
        return [cid for cid, *_ in cls.layout.t2_cells()]


Table2 = create_model(  # type: ignore[call-overload]
    "Table2", __base__=_Table2Base, __doc__="表二 主动公开政府信息情况", **_t2_fields(L.LAYOUT_2021, "")
)


# --- 表三 -------------------------------------------------------------------

Table3Row = create_model(  # type: ignore[call-overload]
    "Table3Row",
    __base__=_Part,
    __doc__="表三的一行：按申请人类型分列的件数",
    **{c.id: _count_field(c.label) for c in L.T3_COLUMNS},
)


class _Table3Base(_TableBase):
    @classmethod
    def cell_ids(cls) -> list[str]:
        return [cid for cid, *_ in cls.layout.t3_cells()]

    def row(self, row_id: str) -> BaseModel:
        return getattr(self, row_id)


Table3 = create_model(  # type: ignore[call-overload]
    "Table3",
    __base__=_Table3Base,
    __doc__="表三 收到和处理政府信息公开申请情况",
    **{r.id: (Table3Row, Field(default_factory=Table3Row, description=r.full_label)) for r in L.T3_ROWS},
)


# --- 表四 -------------------------------------------------------------------

Table4Group = create_model(  # type: ignore[call-overload]
    "Table4Group",
    __base__=_Part,
    __doc__="表四的一组：结果维持、结果纠正、其他结果、尚未审结、总计",
    **{c.id: _count_field(c.label) for c in L.T4_COLUMNS},
)


class _Table4Base(_TableBase):
    @classmethod
    def cell_ids(cls) -> list[str]:
        return [cid for cid, *_ in L.t4_cells()]


Table4 = create_model(  # type: ignore[call-overload]
    "Table4",
    __base__=_Table4Base,
    __doc__="表四 政府信息公开行政复议、行政诉讼情况",
    **{g.id: (Table4Group, Field(default_factory=Table4Group, description=g.full_label)) for g in L.T4_GROUPS},
)
