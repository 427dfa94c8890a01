"""One lexicon of data fields and the Chinese phrases that name them.

Both sides use it: the drafter's facts sheet lists every ``Fact`` with its label and value
(a number the drafter may write, see ``facts_for``), and the checker binds each number it
finds in the prose to a fact through the same phrases (a number the checker can verify,
see ``lexicon.binding``).

A fact's value comes from the tables (``cells``: summed), from the data file
(``data_field``, e.g. the information-processing fees) or, for activity logs, from an
aggregate key (``aggregate``). ``keywords`` are the words that, found near a number, bind it
to this fact; ``units`` are the measure words it is counted in. ``requires`` (any one of) and
``requires_all`` must also appear near the number, ``excludes`` must not; ``context`` is
the group the sentence must be talking about (行政复议 / 行政诉讼) for outcome facts.
``priority`` breaks ties: the most specific fact wins (结转下年度 over 答复).

Facts of one ``family`` (the publication channels, the columns, the event kinds) named
together as a list in one clause ("通过政府网站和微信公众号发布信息96条") bind to their sum:
a composite fact whose ``parts`` are the members (see ``sum_fact``); when they are all the
members, the family's total (``family_total``) is an accepted reading too. An ``elliptic``
fact may take its keyword from earlier in the sentence when its clause names only one of
its ``requires`` words ("现行有效的9件行政规范性文件…，废止1件"); the other way round, a
``requires_in_sentence`` fact whose clause names only its keyword takes ``requires`` from earlier
in the sentence ("发布信息96条，其中政府网站64条"). ``unit_factors`` convert a
claim written in another unit ("行政事业性收费123500元" against a value in 万元).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from draft_report.lexicon.applicants import APPLICANT_KINDS, ORG
from draft_report.lexicon.applicants import FAMILY as APPLICANTS_FAMILY
from draft_report.records import dataclass
from draft_report.tables import layout as L

if TYPE_CHECKING:
    from draft_report.models.tables import Tables

COUNT_UNITS: tuple[str, ...] = ("件", "项", "个", "条", "宗", "起", "次", "份", "例")
_DECISION_UNITS: tuple[str, ...] = ("件", "项", "个", "宗", "起", "份")


@dataclass(frozen=True)
class Fact:
    """A data field and the Chinese phrases that name it in prose (shared by drafter and checker)."""

    id: str
    label: str  # Chinese label for facts sheets and messages
    keywords: tuple[str, ...]  # phrases that name the fact in prose
    units: tuple[str, ...] = COUNT_UNITS
    cells: tuple[str, ...] = ()  # summed table cells
    aggregate: str | None = None  # key into the log aggregates (see logs.aggregates)
    zero_phrases: tuple[str, ...] = ()  # objects of a zero claim that bind to this fact (…申请)
    requires: tuple[str, ...] = ()  # one of these must also appear near the number
    requires_all: tuple[str, ...] = ()  # all of these must also appear near the number
    excludes: tuple[str, ...] = ()  # none of these may appear near the number
    sentence_excludes: tuple[str, ...] = ()  # none of these may appear earlier in the sentence …
    sentence_excludes_unless: tuple[str, ...] = ()  # … unless the clause names one of these itself
    context: str | None = None  # 行政复议 / 行政诉讼: the group the sentence talks about
    context_family: tuple[str, ...] = ()  # the words of which ``context`` must be the last one named
    priority: int = 1  # the most specific fact wins
    data_field: str | None = None  # dotted path into ReportData, e.g. "fees.collected_yuan"
    alt_cells: tuple[tuple[str, int], ...] = ()  # signed sum used when a cell is blank
    # other readings the prose may legitimately mean, each a sum of cells: 受理 N 件 is sometimes
    # 新收 + 上年结转. A claim equal to one of them is not a mismatch.
    also_accept: tuple[tuple[str, ...], ...] = ()
    family: str | None = None  # members named together as a list bind to their sum
    family_total: str | None = None  # aggregate key of the family's total
    family_cells: tuple[str, ...] = ()  # cells of the family's total (the applicant columns → 新收 总计)
    # an applicant kind (自然人, 商业企业, 法人或其他组织 …): the 表三 columns it states; its row is the
    # parent clause's (新收, 新收 + 上年结转, 办结 …; see ``checking.row_scope``), 新收 by default
    columns: tuple[str, ...] = ()
    # words that, named in the number's clause, exclude the ``also_accept`` readings: “本年新收申请N件”
    # is 新收, never 新收 + 上年结转
    exclusive: tuple[str, ...] = ()
    # a way of naming measures the sheet already lists (办理, 依申请公开, the bare 公开): bound by the
    # checker, never offered to the drafter as a figure of its own
    in_sheet: bool = True
    parts: tuple[Fact, ...] = ()  # a composite fact: the sum of these facts
    accept_aggregates: tuple[str, ...] = ()  # aggregate keys whose value is an accepted reading
    elliptic: bool = False  # the keyword may be named earlier in the sentence (…，废止1件)
    qualifiers: tuple[str, ...] = ()  # words an elliptic clause names (default: ``requires``)
    requires_in_sentence: bool = False  # a clause naming only the keyword may take ``requires`` from the sentence
    unit_factors: tuple[tuple[str, float], ...] = ()  # claim unit → factor into the fact's unit
    # other measures the same words may name (办理 = 办结, or 受理): a claim agreeing with any is right;
    # one disagreeing with all is ambiguous (a warning naming them), never an error with one value
    alternatives: tuple[str, ...] = ()
    # a default reading: the binding is sure only when one of these words stands in the number's clause
    # (“制发规范性文件3件”); without (“主动公开规章13件”) it is a guess — a mismatch is a warning, not an error
    sure_with: tuple[str, ...] = ()

    def factor(self, unit: str | None) -> float:
        """The factor that converts a claim written in ``unit`` into the fact's unit."""
        return next((f for u, f in self.unit_factors if u == unit), 1.0)

    @property
    def source(self) -> str:
        if self.parts:
            return self.parts[0].source
        if self.cells:
            return L.CELL_INFO[self.cells[0]].table
        if self.data_field:
            return "数据文件"
        return "活动记录"


def _t3(row: str, col: str = "total") -> str:
    return L.t3_cell_id(row, col)


def _t3_rows(prefix: str) -> tuple[str, ...]:
    return tuple(_t3(r.id) for r in L.T3_RESULT_ROWS if r.id.startswith(prefix))


# 结转 written before the year (“结转上年度办理3件”) and 去年 for 上年 (“其中1件为去年结转”) name the same row.
_CARRY_IN = ("上年结转", "上年度结转", "上一年度结转", "上年度转入", "结转上年度", "结转上一年度", "去年结转",
             "上一年结转")
CARRY_IN_WORDS = _CARRY_IN
_CARRY_OUT = ("结转下年度", "结转至下年度", "结转到下年度", "顺延", "转下一年度", "结转下一年度", "转入下年度",
              "转入下一年度", "下一年度办理", "下年度继续办理", "结转至下一年度", "结转至", "结转到", "继续办理",
              "跨年度办理", "跨年度继续办理", "跨年办理", "延至下年度", "转至下年度", "尚在办理", "正在办理",
              "仍在办理", "尚未办结", "未办结",
              # 下年 is 下年度 written short (“21件结转下年答复”, “结转下年3件”, “2件转至下年继续办理”)
              "结转下年", "转至下年", "转入下年", "延至下年", "结转下一年", "转至下一年", "转入下一年")
_RECEIVE = ("新收", "受理", "收到", "接收", "接到", "收悉", "共收")
# An explicit “newly received” qualifier: the count is 新收 alone, never 新收 + 上年结转.
NEW_ONLY_WORDS: tuple[str, ...] = ("新收", "新申请", "新提出", "新增申请")
_NOT_PROACTIVE = ("主动公开", "主动发布")
# Counts of information items by disclosure attribute (主动公开信息数, 依申请公开信息数, 不予公开信息数 …):
# 政府信息, not requests or their results
_ITEM_COUNTS = ("信息数",)
# Other kinds of requests and replies that reports count next to disclosure requests.
_NOT_DISCLOSURE = ("政务服务", "网络问政", "留言", "咨询", "来信", "信访", "投诉", "热线", "12345", "诉求",
                   "建议", "提案", "审批", "办件", "行政许可")
# Work on documents that is not 制发 (issuing).
_NOT_ISSUING = ("清理", "审查", "审核", "备案", "评估", "修订", "修改", "征求意见", "解读", "宣传", "梳理")
# Statuses of documents 表二 has no column for, joined to 废止 (“废止和失效文件20件”, “修改、废止3件”): the
# count is of a union of statuses, not 本年废止 (“失效3件、废止4件” names each on its own).
_OTHER_STATUS = tuple(f"{a}{j}{b}" for s in ("失效", "修改", "修订") for a, b in (("废止", s), (s, "废止"))
                      for j in ("", "和", "、", "及", "与", "或", "/"))
# Verbs of issuing: a clause that names one is about 制发 whatever the sentence said before.
_ISSUING = ("制发", "印发", "出台", "制定", "新制定", "发布")
_DECISION_NOT = ("信息", "申请", "事项", "受理")
_REVIEW, _LITIGATION = L.T4_REVIEW, L.T4_LITIGATION
_GROUPS = (_REVIEW, _LITIGATION)
_OUTCOMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("keep", "结果维持", ("结果维持", "维持")),
    ("fix", "结果纠正", ("结果纠正", "纠正", "纠错")),
    ("other", "其他结果", ("其他结果",)),
    ("pending", "尚未审结", ("尚未审结", "未审结")),
)


def _outcome_facts() -> list[Fact]:
    out: list[Fact] = []
    for col, label, words in _OUTCOMES:
        out.append(
            Fact(
                f"review_{col}", f"行政复议{label}", words, cells=(L.t4_cell_id("rv", col),),
                context=_REVIEW, context_family=_GROUPS, priority=5,
            )
        )
        out.append(
            Fact(
                f"litigation_{col}", f"行政诉讼{label}（直接起诉＋复议后起诉）", words,
                cells=(L.t4_cell_id("ld", col), L.t4_cell_id("lr", col)), context=_LITIGATION, context_family=_GROUPS,
                priority=5,
            )
        )
    return out


# The reasons of 表三's result rows: a clause naming one (“因属于过程性信息不予公开1件”) states that row,
# not the category's total. “…等原因” names an example of the category, not the row.
_REASONS: dict[str, tuple[str, ...]] = {
    "r3_3_1": ("国家秘密",), "r3_3_2": ("法律行政法规禁止", "法律、行政法规禁止"), "r3_3_3": ("三安全一稳定",),
    "r3_3_4": ("第三方合法权益",), "r3_3_5": ("内部事务",), "r3_3_6": ("过程性信息",), "r3_3_7": ("行政执法案卷",),
    "r3_3_8": ("行政查询",), "r3_4_1": ("不掌握",), "r3_4_2": ("另行制作", "没有现成信息"),
    "r3_4_3": ("仍不明确", "补正后"), "r3_5_1": ("信访举报投诉", "信访"), "r3_5_2": ("重复申请",),
    "r3_5_3": ("公开出版物",), "r3_5_4": ("大量反复",), "r3_5_5": ("重新出具",),
    "r3_6_1": ("逾期不补正", "不补正"), "r3_6_2": ("逾期未缴费", "逾期未按收费通知", "未按收费通知要求缴纳"),
}


def _reason_facts() -> list[Fact]:
    out = []
    for row in L.T3_RESULT_ROWS:
        words = _REASONS.get(row.id)
        if not words:
            continue
        out.append(Fact(f"result_{row.id}", row.short, words, cells=(_t3(row.id),),
                        excludes=("等",) + _NOT_PROACTIVE, priority=4, in_sheet=False))
    return out


# A sentence about requests (an applicant kind needs one): 申请 (提出), or a word only their handling uses.
_ABOUT_REQUESTS = ("申请", "提出", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "办结", "结转")


def applicant_facts() -> list[Fact]:
    """One fact per applicant kind (``lexicon.applicants``): its columns of the 新收 row by default."""
    out = []
    for k in APPLICANT_KINDS:
        in_sheet = k.id in ("np", ORG)  # the sheet lists 自然人 and 法人或其他组织; the columns are bound only
        out.append(Fact(
            f"requests_new_{k.id}", f"本年新收申请（{k.label}）", k.phrases,
            cells=tuple(_t3("r1_new", c) for c in k.columns), requires=_ABOUT_REQUESTS,
            excludes=k.excludes + _NOT_PROACTIVE + _NOT_DISCLOSURE,
            requires_in_sentence=True, priority=3, family=APPLICANTS_FAMILY, family_cells=(_t3("r1_new"),),
            in_sheet=in_sheet, columns=k.columns,
        ))
    return out


# Documents are counted in 件 and also in 篇 (“发布行政规范性文件6篇”); items of information in 条
# (“规范性文件类信息24条”, “规章文件4条” of a list of published items) are not documents.
_DOC_UNITS = (*(u for u in COUNT_UNITS if u != "条"), "篇")


def _document_facts() -> list[Fact]:
    """规章 / 行政规范性文件: 制发 (default), 废止, 现行有效."""
    out: list[Fact] = []
    for item, label, words, excl in (
        ("reg", "规章", ("规章",), ("规章制度",)),
        ("norm", "行政规范性文件", ("规范性文件",), ()),
    ):
        out.append(
            Fact(f"{item}_made", f"本年制发{label}", words, units=_DOC_UNITS, cells=(f"t2.{item}.made",),
                 zero_phrases=words,  # “未制定规范性文件”, “无规章”
                 excludes=excl + ("废止", "现行有效", "有效") + _NOT_ISSUING,
                 sentence_excludes=("现行有效", "废止"), sentence_excludes_unless=_ISSUING, priority=2,
                 sure_with=_ISSUING)
        )
        out.append(
            Fact(f"{item}_repealed", f"本年废止{label}", words, units=_DOC_UNITS, cells=(f"t2.{item}.repealed",),
                 requires=("废止",), excludes=excl + _OTHER_STATUS, elliptic=True, priority=3)
        )
        out.append(
            Fact(f"{item}_valid", f"现行有效{label}", words, units=_DOC_UNITS, cells=(f"t2.{item}.valid",),
                 requires=("现行有效", "有效"), excludes=excl, elliptic=True, priority=3)
        )
    return out


TABLE_FACTS: tuple[Fact, ...] = (
    Fact(
        # requests come by letter too: “收到18封申请”
        "requests_new", "本年新收政府信息公开申请", _RECEIVE, units=(*COUNT_UNITS, "封"), cells=(_t3("r1_new"),),
        # “受理政府信息公开21件”: the name of the procedure stands for its requests
        zero_phrases=("申请",), requires=("申请", "政府信息公开"),
        excludes=("结转",) + _NOT_PROACTIVE + _NOT_DISCLOSURE,
        also_accept=((_t3("r1_new"), _t3("r2_carry_in")),), exclusive=NEW_ONLY_WORDS, priority=1,
    ),
    # Applicant kinds (自然人, 商业企业 …, 法人或其他组织): columns of the parent clause's row (row_scope).
    *applicant_facts(),
    Fact("requests_carry_in", "上年结转政府信息公开申请", _CARRY_IN, cells=(_t3("r2_carry_in"),),
         zero_phrases=_CARRY_IN, priority=3),
    Fact(
        "requests_closed", "本年度办理结果总计（办结）", ("办结", "答复", "回复", "办理完毕", "办理完成"),
        cells=(_t3("r3_7_total"),), excludes=_NOT_PROACTIVE + _NOT_DISCLOSURE, priority=1,
        alt_cells=((_t3("r1_new"), 1), (_t3("r2_carry_in"), 1), (_t3("r4_carry_out"), -1)),
    ),
    # 办理 / 处理 name two measures: the requests handled (新收 + 上年结转, or 新收) or those answered (办结).
    Fact(
        "requests_handled", "办理政府信息公开申请（新收＋上年结转）", ("办理", "处理"),
        cells=(_t3("r1_new"), _t3("r2_carry_in")), requires=("申请",),
        excludes=("结果", "结转", "不予处理", "其他处理") + _NOT_PROACTIVE + _NOT_DISCLOSURE, priority=0,
        alternatives=("requests_closed", "requests_new"), in_sheet=False,
    ),
    # “依申请公开政府信息N件”: the requests (新收) or the answers (办结) — ambiguous by nature.
    Fact(
        "requests_by_request", "依申请公开（本年新收申请）", ("依申请公开",), cells=(_t3("r1_new"),),
        excludes=("结转",) + _NOT_PROACTIVE + _NOT_DISCLOSURE + _ITEM_COUNTS, priority=0,
        also_accept=((_t3("r1_new"), _t3("r2_carry_in")),), alternatives=("requests_closed",), in_sheet=False,
    ),
    Fact(
        "requests_carry_out", "结转下年度继续办理", _CARRY_OUT, cells=(_t3("r4_carry_out"),),
        zero_phrases=_CARRY_OUT, excludes=("上年", "上一年"), priority=4,
    ),
    # The results of 表三 are one family: listed together (“不予公开和无法提供的共N件”) they are summed.
    Fact("result_open", "予以公开", ("予以公开", "同意公开"), cells=(_t3("r3_1_open"),),
         excludes=_NOT_PROACTIVE + _ITEM_COUNTS, priority=3, family="t3.results"),
    # The bare genus “公开” names 予以公开 only next to its sibling: “公开（含部分公开）”, “公开和部分公开”.
    Fact("result_open_short", "予以公开", ("公开",), cells=(_t3("r3_1_open"),), requires_all=("部分公开",),
         excludes=_NOT_PROACTIVE + ("不予公开",), priority=2, family="t3.results", in_sheet=False),
    Fact("result_partial", "部分公开", ("部分公开",), cells=(_t3("r3_2_partial"),), excludes=_ITEM_COUNTS, priority=3,
         family="t3.results"),
    Fact("result_withheld", "不予公开（8项合计）", ("不予公开",), cells=_t3_rows("r3_3_"), excludes=_ITEM_COUNTS,
         priority=3, family="t3.results"),
    Fact("result_unable", "无法提供（3项合计）", ("无法提供",), cells=_t3_rows("r3_4_"), priority=3,
         family="t3.results"),
    Fact("result_not_processed", "不予处理（5项合计）", ("不予处理",), cells=_t3_rows("r3_5_"), priority=3,
         family="t3.results"),
    Fact("result_other", "其他处理（3项合计）", ("其他处理",), cells=_t3_rows("r3_6_"), priority=3,
         family="t3.results"),
    Fact("review_total", "政府信息公开行政复议", (_REVIEW,), cells=(L.t4_cell_id("rv", "total"),),
         zero_phrases=(_REVIEW,), excludes=("复议后起诉",), priority=2, family="t4.groups"),
    Fact(
        "litigation_total", "政府信息公开行政诉讼（直接起诉＋复议后起诉）", (_LITIGATION,),
        cells=(L.t4_cell_id("ld", "total"), L.t4_cell_id("lr", "total")), zero_phrases=(_LITIGATION,), priority=2,
        family="t4.groups",
    ),
    Fact("litigation_direct", "行政诉讼（未经复议直接起诉）", ("直接起诉",), cells=(L.t4_cell_id("ld", "total"),),
         priority=4),
    Fact("litigation_after_review", "行政诉讼（复议后起诉）", ("复议后起诉",), cells=(L.t4_cell_id("lr", "total"),),
         priority=4),
    *_outcome_facts(),
    *_reason_facts(),
    *_document_facts(),
    # 表二 decisions are one family: “许可和处罚决定合计N件” is their sum.
    Fact("licensing", "行政许可决定", ("行政许可", "许可"), units=_DECISION_UNITS, cells=("t2.licensing.decisions",),
         excludes=_DECISION_NOT, priority=2, family="t2.decisions"),
    Fact("penalty", "行政处罚决定", ("行政处罚", "处罚"), units=_DECISION_UNITS, cells=("t2.penalty.decisions",),
         excludes=_DECISION_NOT, priority=2, family="t2.decisions"),
    Fact("coercion", "行政强制决定", ("行政强制", "强制"), units=_DECISION_UNITS, cells=("t2.coercion.decisions",),
         excludes=_DECISION_NOT, priority=2, family="t2.decisions"),
    Fact("admin_fees_wan", "行政事业性收费金额（万元）", ("行政事业性收费",), units=("万元", "元", "亿元"),
         cells=("t2.fees.amount_wan",), unit_factors=(("元", 1e-4), ("亿元", 1e4)), priority=3),
)

_FEE_WORDS = ("信息处理费", "处理费", "收费")
DATA_FACTS: tuple[Fact, ...] = (
    Fact("fees_collected", "实际收取信息处理费（元）", ("收取", "收费", "信息处理费", "处理费"), units=("元",),
         requires=_FEE_WORDS, excludes=("收费通知", "行政事业性收费"), zero_phrases=_FEE_WORDS,
         data_field="fees.collected_yuan", priority=3),
    Fact("fee_notices", "发出收费通知（件）", ("收费通知",), units=("件", "份", "次", "个"),
         zero_phrases=("收费通知",), excludes=("金额",), data_field="fees.notices_issued", priority=4),
    Fact("fee_notices_paid", "按收费通知缴费（件）", ("缴费", "缴纳"), units=("件", "份", "个"),
         data_field="fees.notices_paid", priority=4),
    Fact("fee_notices_amount", "收费通知金额合计（元）", ("收费通知",), units=("元",),
         data_field="fees.notices_amount_yuan", priority=4),
)

FACTS: tuple[Fact, ...] = TABLE_FACTS + DATA_FACTS
FACT_BY_ID: dict[str, Fact] = {f.id: f for f in FACTS}

# Verbs that go with publication counts (动态信息 37 条).
PUBLISH_WORDS: tuple[str, ...] = ("发布", "公开", "推送", "更新", "刊发", "编发", "刊登", "报送", "上传")
# The total is information of every kind: “发布信息”, “政府信息”, “各类信息” — not “解读信息发布7条”.
TOTAL_INFO_WORDS: tuple[str, ...] = ("发布信息", "公开信息", "推送信息", "更新信息", "政府信息", "政务信息", "各类信息",
                                     "发布各类", "公开各类")
PUBLICATION_UNITS: tuple[str, ...] = ("条", "篇", "期", "件", "个", "份")
EVENT_UNITS: tuple[str, ...] = ("次", "场", "期", "个", "项", "批", "件")
PARTICIPANT_UNITS: tuple[str, ...] = ("人次", "人", "名")


def aggregate_facts(keys: Iterable[str]) -> list[Fact]:
    """Facts for the log aggregates that exist (publications per channel/column, events per kind)."""
    keys = list(keys)
    channels = tuple(k[len("publications.channel:"):] for k in keys
                     if k.startswith("publications.channel:") and ".column:" not in k)
    kinds = tuple(k[len("events.kind:"):] for k in keys if k.startswith("events.kind:") and not k.endswith(".participants"))
    out: list[Fact] = []
    for key in keys:
        if key == "publications.total":
            out.append(Fact(key, "全年发布信息（合计）", ("主动公开", "发布", "公开"), units=PUBLICATION_UNITS,
                            aggregate=key, requires=TOTAL_INFO_WORDS, excludes=("申请",), priority=1))
        elif key.startswith("publications.channel:") and ".column:" in key:
            channel, column = key[len("publications.channel:"):].split(".column:", 1)
            out.append(Fact(key, f"{channel}“{column}”发布信息", (column,), units=PUBLICATION_UNITS, aggregate=key,
                            context=channel, context_family=channels, priority=4,
                            family=f"publications.channel:{channel}.column",
                            family_total=f"publications.channel:{channel}"))
        elif key.startswith("publications.channel:"):
            channel = key[len("publications.channel:"):]
            out.append(Fact(key, f"{channel}发布信息", (channel,), units=PUBLICATION_UNITS, aggregate=key,
                            requires=PUBLISH_WORDS, requires_in_sentence=True,
                            excludes=tuple(f"{c}等" for c in channels), priority=3,
                            family="publications.channel", family_total="publications.total"))
        elif key.startswith("publications.column:"):
            column = key[len("publications.column:"):]
            out.append(Fact(key, f"“{column}”发布信息", (column,), units=PUBLICATION_UNITS, aggregate=key, priority=3,
                            family="publications.column", family_total="publications.total"))
        elif key.startswith("events.kind:") and key.endswith(".participants"):
            kind = key[len("events.kind:"): -len(".participants")]
            out.append(Fact(key, f"{kind}参加人次", (kind, "参加", "参训", "参与", "参会"), units=PARTICIPANT_UNITS,
                            aggregate=key, context=kind, context_family=kinds, priority=3))
        elif key.startswith("events.kind:"):
            kind = key[len("events.kind:"):]
            out.append(Fact(key, f"{kind}（次数）", (kind,), units=EVENT_UNITS, aggregate=key, priority=3,
                            family="events.kind", family_total="events.total"))
    return out


def sum_fact(members: Sequence[Fact], *, complete: bool) -> Fact:
    """The composite fact for several members of one family named together (their sum).

    ``complete``: the members are the whole family, so the family's total is accepted too
    (an item published on two channels counts once in the total)."""
    first = members[0]
    total = (first.family_total,) if complete and first.family_total else ()
    cells = (first.family_cells,) if complete and first.family_cells else ()
    return Fact(
        "+".join(m.id for m in members), "＋".join(m.label for m in members), (), units=first.units,
        parts=tuple(members), accept_aggregates=total, also_accept=cells, priority=first.priority,
        family=first.family,
    )


def _data_value(data: Any, dotted: str) -> float | None:
    obj = data
    for part in dotted.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return float(obj) if isinstance(obj, (int, float)) else None


def fact_value(
    fact: Fact,
    tables: Tables | None,
    *,
    data: Any = None,
    aggregates: Any = None,
    unreadable: Callable[[str], bool] | None = None,
) -> float | None:
    """The value a fact has in these tables / this data; None when it cannot be known."""
    if fact.parts:
        values = [fact_value(p, tables, data=data, aggregates=aggregates, unreadable=unreadable) for p in fact.parts]
        return None if any(v is None for v in values) else float(sum(values))  # type: ignore[arg-type]
    if fact.cells:
        if tables is None:
            return None
        total: float = 0
        for cid in fact.cells:
            v = tables.get(cid)
            if v is None or (unreadable is not None and unreadable(cid)):
                return _alt_value(fact, tables, unreadable)
            total += v
        return total
    if fact.data_field:
        return _data_value(data, fact.data_field) if data is not None else None
    if fact.aggregate:
        v = aggregates.get(fact.aggregate) if aggregates is not None else None
        return float(v) if v is not None else None
    return None


def accepted_values(
    fact: Fact, tables: Tables | None, unreadable: Callable[[str], bool] | None = None, aggregates: Any = None
) -> list[float]:
    """The other values a claim bound to ``fact`` may legitimately have (``also_accept``, ``accept_aggregates``)."""
    out: list[float] = []
    for key in fact.accept_aggregates:
        v = aggregates.get(key) if aggregates is not None else None
        if v is not None:
            out.append(float(v))
    if tables is None:
        return out
    for cells in fact.also_accept:
        values = [tables.get(c) for c in cells]
        if all(v is not None for v in values) and not (unreadable and any(unreadable(c) for c in cells)):
            out.append(float(sum(values)))  # type: ignore[arg-type]
    return out


def _alt_value(fact: Fact, tables: Tables, unreadable: Callable[[str], bool] | None) -> float | None:
    if not fact.alt_cells:
        return None
    total: float = 0
    for cid, sign in fact.alt_cells:
        v = tables.get(cid)
        if v is None or (unreadable is not None and unreadable(cid)):
            return None
        total += sign * v
    return total


def facts_for(dataset: Any) -> list[tuple[Fact, float | int]]:
    """Every fact with its value for one dataset: the drafter's facts sheet.

    The same facts, with the same phrases, are what ``check`` binds prose numbers to — so a
    number the drafter writes from this sheet is a number the checker can verify.
    """
    data = dataset.data
    tables = data.tables()
    out: list[tuple[Fact, float | int]] = []
    facts = list(FACTS) + aggregate_facts(dataset.aggregates.keys())
    for fact in facts:
        if not fact.in_sheet:
            continue
        value = fact_value(fact, tables, data=data, aggregates=dataset.aggregates)
        if value is None:
            continue
        out.append((fact, int(value) if float(value).is_integer() else value))
    return out
