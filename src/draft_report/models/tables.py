"""Pydantic models of 表二/表三/表四, generated from ``tables.layout``.

The same models hold the agency's input data and what a reader parsed from a published
report. A cell is ``None`` when it is blank: blank is never silently zero. Input-level
completeness (every non-total cell given, totals derived or validated) is enforced by
``models.data``; these models only guarantee types and non-negativity.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from draft_report.tables import layout as L

Count = int | None
Amount = float | None


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _count_field(label: str) -> Any:
    return (Count, Field(default=None, ge=0, description=label))


def _amount_field(label: str) -> Any:
    return (Amount, Field(default=None, ge=0, description=label))


# --- 表二 -------------------------------------------------------------------

_t2_item_models: dict[str, type[_Part]] = {}
for _block in L.T2_BLOCKS:
    for _item in _block.items:
        _fields = {
            m.id: (_amount_field(m.label) if m.decimal else _count_field(m.label)) for m in _block.measures
        }
        _t2_item_models[_item.id] = create_model(  # type: ignore[call-overload]
            f"T2_{_item.id}",
            __base__=_Part,
            __doc__=f"{_block.caption} {_item.label}",
            **_fields,
        )


class _TableBase(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

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
        raise NotImplementedError


def _t2_fields() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for block in L.T2_BLOCKS:
        for item in block.items:
            model = _t2_item_models[item.id]
            out[item.id] = (model, Field(default_factory=model, description=f"{block.caption} {item.label}"))
    return out


class _Table2Base(_TableBase):
    def cells(self) -> dict[str, int | float | None]:
        return {cid: self.get(cid) for cid, *_ in L.t2_cells()}


Table2 = create_model(  # type: ignore[call-overload]
    "Table2", __base__=_Table2Base, __doc__="表二 主动公开政府信息情况", **_t2_fields()
)


# --- 表三 -------------------------------------------------------------------

Table3Row = create_model(  # type: ignore[call-overload]
    "Table3Row",
    __base__=_Part,
    __doc__="表三的一行：按申请人类型分列的件数",
    **{c.id: _count_field(c.label) for c in L.T3_COLUMNS},
)


class _Table3Base(_TableBase):
    def cells(self) -> dict[str, int | float | None]:
        return {cid: self.get(cid) for cid, *_ in L.t3_cells()}

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
    def cells(self) -> dict[str, int | float | None]:
        return {cid: self.get(cid) for cid, *_ in L.t4_cells()}


Table4 = create_model(  # type: ignore[call-overload]
    "Table4",
    __base__=_Table4Base,
    __doc__="表四 政府信息公开行政复议、行政诉讼情况",
    **{g.id: (Table4Group, Field(default_factory=Table4Group, description=g.full_label)) for g in L.T4_GROUPS},
)


class Tables(BaseModel):
    """表二、表三、表四 together; ``get``/``set`` accept any global cell id."""

    model_config = ConfigDict(extra="forbid")

    table2: Table2 = Field(default_factory=Table2, description="表二 主动公开政府信息情况")  # type: ignore[valid-type]
    table3: Table3 = Field(default_factory=Table3, description="表三 收到和处理政府信息公开申请情况")  # type: ignore[valid-type]
    table4: Table4 = Field(default_factory=Table4, description="表四 政府信息公开行政复议、行政诉讼情况")  # type: ignore[valid-type]

    def _table(self, cell_id: str) -> _TableBase:
        prefix = cell_id.split(".", 1)[0]
        table = {"t2": self.table2, "t3": self.table3, "t4": self.table4}.get(prefix)
        if table is None:
            raise KeyError(cell_id)
        return table

    def get(self, cell_id: str) -> int | float | None:
        return self._table(cell_id).get(cell_id)

    def set(self, cell_id: str, value: int | float | None) -> None:
        self._table(cell_id).set(cell_id, value)

    def cells(self) -> dict[str, int | float | None]:
        tables: tuple[_TableBase, ...] = (self.table2, self.table3, self.table4)
        return {cid: value for table in tables for cid, value in table.cells().items()}
