"""Applicant kinds: the 表三 columns a prose number about applicants states.

“自然人申请12件”, “企业申请3件”, “律师事务所提出申请2件”, “法人或其他组织7件”: an applicant kind names
one or more 表三 columns — never a row. Which row it counts (新收, 新收 + 上年结转, 办结, a result
row, 结转下年度) is the scope of the parent clause (``checking.row_scope``); a fact of this module
therefore states its columns (``Fact.columns``) and defaults to the 新收 row.

The phrases are derived from ``tables.layout.T3_COLUMNS`` (each column's printed label) plus the
everyday short forms bureaus and models write (公民/个人 → 自然人, 企业/公司 → 商业企业, 律师事务所 →
法律服务机构 …); 法人 (or 法人或其他组织) is the five organisation columns together. All kinds are one
family: listed together (“商业企业和法律服务机构共N件”) they bind to their sum.
"""

from __future__ import annotations

from draft_report.records import dataclass
from draft_report.tables import layout as L

FAMILY = "t3.applicants"
ORG = "org"  # the five organisation columns (法人或其他组织) together


@dataclass(frozen=True)
class ApplicantKind:
    """A kind of applicant (表三's columns) and the phrases that name it in prose."""

    id: str  # a 表三 column id, or ``ORG``
    label: str
    columns: tuple[str, ...]  # 表三 column ids
    phrases: tuple[str, ...]
    excludes: tuple[str, ...] = ()  # the phrase means something else near these words


# Everyday short forms of the printed column labels (the label itself always comes first).
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "np": ("公民", "个人"),
    "biz": ("企业", "公司"),
    "sci": ("科研院所", "高等院校", "高校"),
    "npo": ("公益组织", "社会组织"),
    "law": ("律师事务所", "律所", "律师"),
    # the printed label “其他” alone is a word of every list (see row_scope)
    "oth": ("其他组织", "其他申请人", "其他类申请人", "其他类型申请人"),
    ORG: ("法人和其他组织", "法人或者其他组织", "法人及其他组织", "法人", "企事业单位"),
}
# “个人隐私”, “企业信用信息”: the phrase is the object of the request, not its applicant; “公民提出
# 意见30条”: not a request.
_NOT_REQUESTS = ("意见", "问题", "需求")
_EXCLUDES: dict[str, tuple[str, ...]] = {
    "np": ("隐私", "个人信息", "个人所得"),
    "biz": ("信用", "涉企"),
}


def _kinds() -> tuple[ApplicantKind, ...]:
    out = []
    for c in L.T3_PART_COLUMNS:
        phrases = () if c.id == "oth" else (c.label,)
        out.append(ApplicantKind(c.id, c.label, (c.id,), phrases + _SHORT_FORMS.get(c.id, ()),
                                 _EXCLUDES.get(c.id, ()) + _NOT_REQUESTS))
    org = tuple(c.id for c in L.T3_ORG_COLUMNS)
    out.append(ApplicantKind(ORG, L.T3_ORG_HEADER, org, (L.T3_ORG_HEADER, *_SHORT_FORMS[ORG]), _NOT_REQUESTS))
    return tuple(out)


APPLICANT_KINDS: tuple[ApplicantKind, ...] = _kinds()
KIND_BY_ID: dict[str, ApplicantKind] = {k.id: k for k in APPLICANT_KINDS}
PART_COLUMNS: tuple[str, ...] = tuple(c.id for c in L.T3_PART_COLUMNS)


def columns_label(columns: tuple[str, ...]) -> str:
    """“自然人”, “法人或其他组织”, “商业企业＋法律服务机构” — the columns as a reader names them."""
    if set(columns) >= set(PART_COLUMNS):
        return "全部申请人"
    if columns == KIND_BY_ID[ORG].columns:
        return L.T3_ORG_HEADER
    return "＋".join(L.T3_COLUMN_BY_ID[c].label for c in columns)


def union_columns(groups: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The columns of several kinds named together, in the table's order (total when all are named)."""
    named = {c for g in groups for c in g}
    if named >= set(PART_COLUMNS):
        return ("total",)
    return tuple(c for c in PART_COLUMNS if c in named)
