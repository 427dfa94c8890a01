"""More phrasing templates for the tuning split, written after the first tuning round.

They widen the phenomena the tuning split covers (sub-rows of 办理结果, Chinese numerals, 分别 over
applicants, year-end moments that are *not* a scope, percentages of changes, other measure words).
All of them belong to the tuning split — the held-out templates of ``phrasing_bank`` are unchanged.
"""

from __future__ import annotations

from phrasing_bank import Template as T

MORE: tuple[T, ...] = (
    T("received_total:m1", "全年共受理政府信息公开申请{T}件，其中本年新收{N}件、上年结转{C}件。", ("N",)),
    T("received_total:m2", "答复{D}件（含上年度结转申请{C}件）。", ()),
    T("closed:m1", "已办结{D}件，另有{O}件尚在办理中。", ()),
    T("closed:m2", "全年依申请公开答复{D}件。", ("N", "T")),
    T("closed:m3", "对收到的申请均在法定期限内作出答复，共答复{D}件。", ()),
    T("receive:m1", "全年新收政府信息公开申请{N}件，比较平稳。", ("T",)),
    T("receive:m2", "本机关全年收到申请人提交的政府信息公开申请共{N}件。", ("T",)),
    T("applicants:m1", "自然人和法人或其他组织分别提出申请{NPA}件、{ORG}件。", ()),
    T("applicants:m2", "其中，公民个人申请{NPA}件。", ()),
    T("applicants:m3", "按申请主体分，自然人{NPA}件，法人或其他组织{ORG}件。", ()),
    T("applicants:m4", "个人申请{NPA}件，企业等法人或其他组织申请{ORG}件。", ()),
    T("applicants:m5", "由法人或其他组织提出的申请{ORG}件。", ()),
    T("applicants:m6", "来自自然人的申请{NPA}件。", ()),
    T("applicants:m7", "受理申请{T}件（含上年结转{C}件），其中自然人提出{NPAT}件。", ("N", "NPA")),
    T("applicants:m8", "公民提出政府信息公开申请{NPA}件。", ()),
    T("applicants:m9", "商业企业申请{BIZ}件。", ()),
    T("applicants:m10", "有{NPA}件申请来自自然人。", ()),
    T("applicants:m11", "{ORG}件申请的申请人为法人或其他组织。", ()),
    T("results:m6", "{OP}件申请予以公开，{PA}件部分公开。", ()),
    T("decisions:m4", "{PEN}件行政处罚决定已全部公示。", ()),
    T("results:m1", "无法提供{U}件，其中本机关不掌握相关政府信息{U1}件。", ()),
    T("results:m2", "不予处理{NP}件，主要为信访举报投诉类申请。", ()),
    T("results:m3", "因属于过程性信息不予公开{W6}件。", ()),
    T("results:m4", "对{OP}件申请予以公开。", ()),
    T("results:m5", "予以公开、部分公开的分别为{OP}件、{PA}件。", ()),
    T("percent:m1", "予以公开{OP}件，占办结数的{pct1:OP/D}%。", ()),
    T("percent:m2", "全年办结{D}件，办结率{pct:D/T}%。", ("N",)),
    T("percent:m3", "不予公开{W}件，占比{pct1:W/D}%。", ()),
    T("review:m1", "政府信息公开行政复议{RV}件，复议维持{RVK}件、纠错{RVF}件。", ()),
    T("review:m2", "涉及政府信息公开的行政诉讼{LIT}件。", ()),
    T("review:m3", "本机关作为被申请人的政府信息公开行政复议{RV}件。", ()),
    T("decisions:m1", "作出行政许可决定{LIC}项。", ()),
    T("decisions:m2", "全年公开行政处罚决定书{PEN}份。", ()),
    T("decisions:m3", "行政许可、行政处罚、行政强制决定共计{LPC}件。", ()),
    T("documents:m1", "截至12月31日，现行有效行政规范性文件{NV}件。", ()),
    T("documents:m2", "全年共制定出台行政规范性文件{NM}件，废止{NR}件。", ()),
    T("approx:m1", "全年办结申请{D~余}件。", ()),
    T("approx:m2", "作出行政处罚决定约{PEN~约}件。", ()),
    T("change:m1", "全年受理政府信息公开申请{N}件，申请数量较上年{chg:N}。", ("T",)),
    T("scoped:m1", "截至9月底，共受理政府信息公开申请{part:N}件。", ()),
    T("scoped:m2", "区政府办公室本级办结申请{part:D}件。", ()),
)
