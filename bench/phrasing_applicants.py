"""Tuning-only templates for applicant breakdowns and the 新收 qualifier (issue 8, third round).

Written from the phenomena, not from any held-out sentence: an applicant kind named in prose (the
表三 column labels and their everyday short forms — 公民/个人, 企业/公司, 律师事务所, 法人 …) states
the matching column(s) of the row its parent clause counts (新收, 上年结转 + 新收, 办结, a result
row, 结转下年度); lists give each number its own column, “共” over a list gives their sum; the
parent may be in the sentence before (“…。其中，…”). ``{A!B}`` slots test reading exclusion: the
wrong version writes B's value (a reading the words exclude), e.g. “本年新收…{N!T}件” must not
agree through 新收 + 上年结转. All of them belong to the tuning split.
"""

from __future__ import annotations

from phrasing_bank import Template as T

APPLICANTS: tuple[T, ...] = (
    # short forms of the kinds, under a 新收 parent
    T("applicants:t1", "全年收到政府信息公开申请{N}件，其中公民申请{NPA}件、企业申请{BIZ}件。", ("T",)),
    T("applicants:t2", "本年度新收政府信息公开申请{N}件，其中自然人{NPA}件、法人{ORG}件。", ("T",)),
    T("applicants:t3", "从申请人类型看，自然人{NPA}件，商业企业{BIZ}件，科研机构{SCI}件，社会公益组织{NPO}件，"
      "法律服务机构{LAW}件，其他{OTH}件。", ()),
    T("applicants:t4", "律师事务所提出申请{LAW}件。", ()),
    T("applicants:t5", "商业企业、法律服务机构分别提出申请{BIZ}件、{LAW}件。", ()),
    T("applicants:t6", "本年新收的申请中，自然人提出{NPA}件，法人或其他组织提出{ORG}件。", ()),
    T("applicants:t7", "企业提出政府信息公开申请{BIZ}件。", ()),
    T("applicants:t8", "公司、企业申请{BIZ}件，个人申请{NPA}件。", ()),
    # sums over a list of kinds
    T("applicants:t9", "自然人和法人共提出申请{N}件。", ("T",)),
    T("applicants:t10", "商业企业和法律服务机构共申请{BIZLAW}件。", ()),
    # the parent's rows: 新收 + 上年结转, 办结, a result row, 结转下年度, 上年结转
    T("applicants:t11", "受理申请{T}件（含上年结转{C}件），其中公民{NPAT}件、法人和其他组织{ORGT}件。", ("N", "NPA", "ORG")),
    T("applicants:t12", "全年办结申请{D}件，其中自然人申请{NPD}件。", ()),
    T("applicants:t13", "全年办结申请{D}件，其中法人或其他组织申请{ORGD}件。", ()),
    T("applicants:t14", "结转下年度继续办理的申请{O}件，其中自然人{NPCO}件。", ()),
    T("applicants:t15", "予以公开{OP}件，其中自然人{OPNP}件。", ()),
    T("applicants:t16", "上年结转的{C}件申请中，自然人{NPC}件。", ()),
    T("applicants:t17", "全年答复申请{D}件，其中个人{NPD}件、企业{BIZD}件。", ()),
    # the parent in the sentence before
    T("applicants:t18", "全年共收到政府信息公开申请{N}件。其中，自然人{NPA}件，法人或其他组织{ORG}件。", ("T",)),
    T("applicants:t19", "全年共办结申请{D}件。其中，自然人申请{NPD}件。", ()),
    # the parent's value decides the scope: a 其中 follows the reading its parent agrees with
    T("applicants:t20", "全年收到政府信息公开申请{N}件，其中自然人{NPA!NPAT}件。", ("T",)),
    T("applicants:t21", "共受理申请{T}件（含上年结转{C}件），其中自然人{NPAT!NPA}件。", ("N",)),
    T("applicants:t22", "本年新收申请{N}件，其中自然人{NPA!NPAT}件。", ()),
    # more wordings of the same phenomena (second round)
    T("applicants:t23", "自然人、法人或其他组织分别提出申请{NPA}件、{ORG}件。", ()),
    T("applicants:t24", "在{N}件新收申请中，自然人提出{NPA}件。", ()),
    T("applicants:t25", "本年度共收到{N}件申请，其中来自自然人的{NPA}件，来自企业的{BIZ}件。", ("T",)),
    T("applicants:t26", "全年共受理政府信息公开申请{N}件，自然人申请{NPA}件，法人或其他组织申请{ORG}件。", ("T",)),
    T("applicants:t27", "办结的{D}件申请中，自然人{NPD}件、法人或其他组织{ORGD}件。", ()),
    T("applicants:t28", "收到法人或其他组织申请{ORG}件，其中商业企业{BIZ}件、法律服务机构{LAW}件。", ()),
    T("applicants:t29", "全年收到申请{N}件，其中法人或其他组织{ORG}件（商业企业{BIZ}件、其他{OTH}件）。", ("T",)),
    T("applicants:t30", "个人申请{NPA}件，占全部申请的{pct1:NPA/N}%。", ()),
    T("applicants:t31", "公民个人提出的政府信息公开申请共计{NPA}件。", ()),
    T("applicants:t32", "从申请主体看，以自然人为主，共{NPA}件。", ()),
    T("applicants:t33", "全年共收到申请{N}件，其中自然人、法人或其他组织分别为{NPA}件、{ORG}件。", ("T",)),
    T("applicants:t34", "按申请人类型统计，自然人{NPA}件，占{pct1:NPA/N}%；法人或其他组织{ORG}件。", ()),
    T("applicants:t35", "全年办结申请{D}件；其中自然人申请{NPD}件。", ()),
    # the explicit 新收 qualifier excludes the carried-over reading
    T("receive:q1", "本年新收政府信息公开申请{N!T}件。", ()),
    T("receive:q2", "全年新收到政府信息公开申请{N!T}件，办结{D}件。", ()),
    T("receive:q3", "本年度新收各类申请{N!T}件。", ()),
    T("receive:q4", "本年度共收到新申请{N!T}件。", ()),
    # a 2019/2020 report: its 2019-format 表二 and （六） (rendered only over such a report: --with-2019)
    T("documents:y1", "本年新制作规范性文件{NM19}件。", ()),
    T("documents:y2", "全年制发规范性文件{NM19}件，新公开{NP19}件。", ()),
    T("documents:y3", "对外公开规范性文件总数量{NT19}件。", ()),
    T("decisions:y1", "其他对外管理服务事项处理决定{SERV}件。", ()),
    T("decisions:y2", "政府集中采购项目{PROC}个，采购总金额{PROCW}万元。", ()),
    T("results:y1", "其他处理{OT19}件。", ()),
)
