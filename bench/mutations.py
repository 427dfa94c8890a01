"""Seeded mutations of a report's source text, one defect each, for the checker bench.

Every mutation is generated from the text itself (no hand-picked positions), seeded, and
verified: the mutant must differ from the original, and for table and prose mutations the
re-read document must show exactly the intended change. A mutation that cannot be applied
to a report (e.g. no fee statement to delete, a zero table for a false zero claim) returns
None and is counted as "not applicable", never as detected.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from draft_report.checking.structure import FEE_STATEMENT
from draft_report.lexicon.numerals import find_quantities, replace_number
from draft_report.models.document import ReportDocument
from draft_report.reading import read_text
from draft_report.sections import SECTION_BY_KEY


@dataclass(frozen=True)
class Mutant:
    kind: str
    text: str
    note: str  # what was changed, for the bench's failure listing


Reader = Callable[[str], ReportDocument]


def read(text: str) -> ReportDocument:
    return read_text(text, source="mutant.txt", fmt="text")


def read_md(text: str) -> ReportDocument:
    return read_text(text, source="mutant.md", fmt="markdown")


def _new_value(rng: random.Random, old: int) -> int:
    while True:
        delta = rng.randint(1, max(2, old // 5 + 2)) * rng.choice((-1, 1))
        new = old + delta
        if new >= 0 and new != old:
            return new


def _lines(text: str) -> list[str]:
    return text.split("\n")


# --- table cell ---------------------------------------------------------------------------


def table_cell(text: str, doc: ReportDocument, rng: random.Random, *, prefixes: tuple[str, ...] = ("t3.", "t4.")) -> Mutant | None:
    """Change one number in a table row so that exactly one cell of the re-read tables changes."""
    cells = [cid for cid, v in doc.tables.cells().items()
             if v is not None and cid.startswith(prefixes) and cid in doc.cell_lines and isinstance(v, int)]
    rng.shuffle(cells)
    before = doc.tables.cells()
    lines = _lines(text)
    for cid in cells[:12]:
        no = doc.cell_lines[cid] - 1
        if not 0 <= no < len(lines):
            continue
        tokens = [m for m in re.finditer(r"(?<![\d.])\d+(?![\d.])", lines[no]) if int(m.group()) == before[cid]]
        rng.shuffle(tokens)
        for m in tokens:
            new = _new_value(rng, int(m.group()))
            line = lines[no][: m.start()] + str(new) + lines[no][m.end():]
            mutated = "\n".join(lines[:no] + [line] + lines[no + 1:])
            after = read(mutated).tables.cells()
            changed = [c for c in after if after[c] != before[c]]
            if changed == [cid]:
                return Mutant("table_cell", mutated, f"{cid}: {before[cid]} → {new}")
    return None


# --- prose number -------------------------------------------------------------------------


def _flat(text: str) -> tuple[str, list[int]]:
    """The text without line breaks, and the source offset of each kept character."""
    keep = [i for i, ch in enumerate(text) if ch != "\n"]
    return "".join(text[i] for i in keep), keep


def prose_number(text: str, doc: ReportDocument, rng: random.Random, verified: list[tuple[str, str, str]]) -> Mutant | None:
    """Change one prose number that quotes a table value (a claim the checker verified)."""
    flat, pos = _flat(text)
    options = list(verified)
    rng.shuffle(options)
    for before_ctx, raw, _fact in options:
        key = before_ctx + raw
        at = flat.find(key)
        if at < 0 or flat.find(key, at + 1) >= 0:
            continue
        (q,) = [x for x in find_quantities(raw)][:1] or [None]
        if q is None or q.int_value is None:
            continue
        new_value = _new_value(rng, q.int_value)
        if q.numeral == "arabic" and new_value <= 99 and rng.random() < 0.3:
            import cn2an

            new_raw = cn2an.an2cn(new_value) + q.unit  # 12 件 → 十三件
        else:
            new_raw = replace_number(q, new_value)
        start = pos[at + len(before_ctx)]
        end = pos[at + len(key) - 1] + 1
        mutated = text[:start] + new_raw + text[end:]
        if mutated != text:
            return Mutant("prose_number", mutated, f"“{raw}” → “{new_raw}”")
    return None


def verified_claims(doc: ReportDocument, bad_excerpts: set[str], dataset: object = None) -> list[tuple[str, str, str]]:
    """(text before, raw, fact) of every number the checker bound and found equal to the tables
    (or, with ``dataset``, to the data)."""
    from draft_report.checking.prose import FactSource, document_claims

    source = FactSource.from_dataset(dataset) if dataset is not None else FactSource.from_document(doc)
    out = []
    for lc in document_claims(doc, source.facts()):
        c = lc.claim
        if c.kind != "number" or c.fact is None or c.approx:
            continue
        value = source.value(c.fact)
        if value is None or abs(value - c.value) > 1e-9 or c.sentence.strip() in bad_excerpts:
            continue
        out.append((c.sentence[max(0, c.start - 8): c.start].replace("\n", ""), c.text, c.fact.id))
    return out


# --- insertions into prose ----------------------------------------------------------------


def _insert_after_paragraph(text: str, doc: ReportDocument, rng: random.Random, keys: tuple[str, ...], sentence: str) -> str | None:
    paras = [p for s in doc.sections if s.key in keys for p in s.paragraphs if p.kind == "text" and p.line]
    if not paras:
        return None
    p = rng.choice(paras)
    lines = _lines(text)
    no = p.line - 1  # type: ignore[operator]
    if not 0 <= no < len(lines):
        return None
    line = lines[no].rstrip()
    lines[no] = line + sentence
    return "\n".join(lines)


ZERO_CLAIMS = (
    "全年未收到信息公开相关申请。",
    "本年度未收到政府信息公开申请。",
    "全年没有收到政府信息公开申请。",
    "全年未受理政府信息公开申请。",
    "本年度我单位未收到依申请公开申请。",
    "本年度未接到公民、法人或其他组织提出的政府信息公开申请。",
    "全年无政府信息公开申请。",
    "全年共收到政府信息公开申请0件。",
    "报告期内，没有收到依申请公开政府信息的申请。",
    "全年依申请公开政府信息零申请。",
)


def _inserted(kind: str, text: str, doc: ReportDocument, rng: random.Random, keys: tuple[str, ...],
              choices: tuple[str, ...]) -> Mutant | None:
    sentence = rng.choice(choices)
    mutated = _insert_after_paragraph(text, doc, rng, keys, sentence)
    return Mutant(kind, mutated, sentence) if mutated and mutated != text else None


def false_zero(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Insert 全年未收到…申请 where table 三 says requests were received."""
    if not doc.tables.get("t3.r1_new.total"):
        return None
    return _inserted("false_zero", text, doc, rng, ("overview",), ZERO_CLAIMS)


EXPIRED = (
    "统筹做好疫情防控和政务公开工作。",
    "及时发布新冠肺炎疫情防控信息。",
    "做好常态化疫情防控信息公开。",
    "围绕复工复产政策开展解读。",
    "严格落实核酸检测信息发布要求。",
)


def expired_topic(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    if (doc.year or 0) < 2023:
        return None
    return _inserted("expired_topic", text, doc, rng, ("overview", "problems"), EXPIRED)


# --- deletions and markers ----------------------------------------------------------------


FEE_REPLACEMENTS = (
    "",
    "本年度无其他需要报告的事项。",
    "我局将继续做好政府信息公开工作。",
    "其他事项均已按要求落实。",
    "政务公开工作要点各项任务均已完成。",
)


def fee_delete(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Delete every sentence of section 六 that states the information-processing fee (or put
    an unrelated sentence in its place)."""
    filler = rng.choice(FEE_REPLACEMENTS)
    sec = doc.section("other")
    if sec is None or sec.line is None:
        return None
    lines = _lines(text)
    start = sec.line - 1
    later = [s.line for s in doc.sections if s.line and s.line > sec.line]
    end = min(later) - 1 if later else len(lines)
    title = SECTION_BY_KEY["other"].title
    changed = False
    for no in range(start, min(end, len(lines))):
        line = lines[no]
        head = ""
        if no == start and title in line:
            cut = line.index(title) + len(title)
            head, line = line[:cut], line[cut:]
        pieces = re.split(r"(?<=[。！？；])", line)
        kept = [p for p in pieces if not FEE_STATEMENT.search(p)]
        if len(kept) != len(pieces):
            lines[no] = head + ("" if changed else filler) + "".join(kept)
            changed = True
    if not changed:
        return None
    mutated = "\n".join(lines)
    return Mutant("fee_delete", mutated, f"删除第六部分的收费说明（代以“{filler}”）") if mutated != text else None


OLD_MARKERS: tuple[tuple[str, str], ...] = (
    ("本年制发件数", "本年新制作数量"),
    ("本年废止件数", "本年新公开数量"),
    ("现行有效件数", "对外公开总数量"),
    ("本年收费金额（单位：万元）", "上一年项目数量\t本年增/减"),
)
OLD_BLOCK = "第二十条第（九）项\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t0\t0"


def old_marker(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Put one 2019-format marker into 表二: a renamed column, or the （九）项 block."""
    options: list[Callable[[], str | None]] = []
    for new_label, old_label in OLD_MARKERS:
        if new_label in text and old_label.split("\t")[0] not in text:
            options.append(lambda n=new_label, o=old_label: text.replace(n, o, 1))
    m = re.search(r"行政事业性收费[^\n]*\n", text)
    if m and "第二十条第（九）项" not in text:  # a report already in the 2019 format has the block
        options.append(lambda m=m: text[: m.end()] + OLD_BLOCK + "\n" + text[m.end():])
    if re.search(r"行政许可[\t ]+\d", text):
        options.append(lambda: re.sub(r"(行政许可[\t ]+\d+[^\n]*\n)", r"\1其他对外管理服务事项\t0\n", text, count=1))
    if not options:
        return None
    mutated = rng.choice(options)()
    return Mutant("old_marker", mutated, "插入旧版格式标记") if mutated and mutated != text else None


def heading_damage(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Damage one section heading: truncate it, drop or replace a character of its title."""
    secs = [s for s in doc.sections if s.key in SECTION_BY_KEY and s.line]
    if not secs:
        return None
    sec = rng.choice(secs)
    lines = _lines(text)
    no = sec.line - 1  # type: ignore[operator]
    line = lines[no]
    title = SECTION_BY_KEY[sec.key].title  # type: ignore[index]
    idx = line.find(title)
    span = (idx, idx + len(title)) if idx >= 0 else _cjk_span(line)
    if span is None:
        return None
    a, b = span
    cjk = [i for i in range(a, b) if "\u4e00" <= line[i] <= "\u9fff"]
    if len(cjk) < 3:
        return None
    how = rng.choice(("truncate", "drop", "replace"))
    if how == "truncate":
        n = rng.randint(1, 2)
        cut = cjk[-n]
        new = line[:cut] + line[b:]
    elif how == "drop":
        i = rng.choice(cjk[1:])
        new = line[:i] + line[i + 1:]
    else:
        i = rng.choice(cjk[1:])
        new = line[:i] + rng.choice("之於及与和等") + line[i + 1:]
    if new == line:
        return None
    lines[no] = new
    return Mutant("heading_damage", "\n".join(lines), f"“{line.strip()[:30]}” → “{new.strip()[:30]}”")


def _cjk_span(line: str) -> tuple[int, int] | None:
    m = re.search(r"[\u4e00-\u9fff][^\t]*", line)
    return (m.start(), m.end()) if m else None


# --- claims over two measures: percentages, approximations, compound labels --------------------


def _values(doc: ReportDocument) -> dict[str, float]:
    from phrasing_bank import values_of

    return values_of(doc.tables)


def _claim_sentence(text: str, doc: ReportDocument, rng: random.Random, kind: str, sentence: str | None,
                    note: str) -> Mutant | None:
    if sentence is None:
        return None
    paras = [p for s in doc.sections if s.key == "overview" for p in s.paragraphs if p.kind == "text" and p.line]
    if not paras:
        return None
    no = rng.choice(paras).line - 1  # type: ignore[operator]
    lines = _lines(text)
    if not 0 <= no < len(lines):
        return None
    line = lines[no].rstrip()
    # a sentence of its own: a wrapped paragraph's first line may stop mid-sentence
    lines[no] = line + ("" if line.endswith(("。", "！", "？", "；")) else "。") + sentence
    mutated = "\n".join(lines)
    return Mutant(kind, mutated, f"{note}：{sentence}") if mutated and mutated != text else None


RATIOS: tuple[tuple[str, str, str], ...] = (
    ("OP", "D", "全年办结政府信息公开申请{D}件，其中予以公开{OP}件，占{p}%。"),
    ("D", "T", "全年共受理政府信息公开申请{T}件（含上年结转{C}件），办结率为{p}%。"),
    ("NPA", "N", "自然人提出申请{NPA}件，占比{p}%。"),
    ("OPA", "D", "予以公开和部分公开的占办结总数的{p}%。"),
    ("U", "D", "无法提供的{U}件，占办结总数的{p}%。"),
    ("RVK", "RV", "政府信息公开行政复议{RV}件，其中结果维持{RVK}件，占{p}%。"),
)


def percent_wrong(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Insert a percentage whose numerator and denominator bind, with a wrong value (3–20 points off)."""
    values = _values(doc)
    options = [r for r in RATIOS if values.get(r[1]) and r[0] in values and all(
        k in values for k in re.findall(r"\{(\w+)\}", r[2]) if k != "p")]
    if not options:
        return None
    num, den, template = rng.choice(options)
    true = 100 * values[num] / values[den]
    decimals = rng.choice((0, 1))
    for _ in range(20):
        wrong = true + rng.choice((-1, 1)) * rng.uniform(3, 20)
        if 0 <= wrong <= 100:
            break
    else:
        return None
    slots = {k: str(int(v)) for k, v in values.items()} | {"p": f"{wrong:.{decimals}f}"}
    return _claim_sentence(text, doc, rng, "percent_wrong", template.format_map(slots), f"实为 {true:.1f}%")


APPROX_MEASURES: tuple[tuple[str, str], ...] = (
    ("N", "全年共受理政府信息公开申请{x}件。"), ("D", "全年办结政府信息公开申请{x}件。"),
    ("LIC", "全年作出行政许可决定{x}件。"), ("PEN", "全年作出行政处罚决定{x}件。"),
    ("NV", "现行有效行政规范性文件{x}件。"),
)


def approx_wrong(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Insert an approximation that does not contain the value: “60余件” for 43, “近30件” for 43."""
    values = _values(doc)
    options = [(k, t) for k, t in APPROX_MEASURES if values.get(k, 0) >= 10]
    if not options:
        return None
    key, template = rng.choice(options)
    v = values[key]
    step = 10 ** max(len(str(int(v))) - (2 if v >= 100 else 1), 0)
    how = rng.choice(("余", "多", "近", "约"))
    if how in ("余", "多"):
        x = f"{int(v // step * step + step * rng.randint(2, 4))}{how}"
    elif how == "近":
        x = f"近{max(step, int(v * rng.uniform(0.3, 0.7) // step * step))}"
    else:
        x = f"约{int(round(v * rng.choice((0.4, 0.6, 1.5, 1.8)) / step) * step)}"
    return _claim_sentence(text, doc, rng, "approx_wrong", template.format(x=x), f"实为 {int(v)}")


COMPOUNDS: tuple[tuple[str, str], ...] = (
    ("OPA", "公开（含部分公开）{x}件。"), ("OPA", "同意公开和部分公开的共{x}件。"),
    ("WU", "不予公开和无法提供的共{x}件。"), ("LP", "许可和处罚决定合计{x}件。"),
    ("LP", "全年公示行政许可、行政处罚决定共计{x}件。"), ("RVLIT", "发生政府信息公开行政复议和行政诉讼共{x}件。"),
    ("N", "全年共接到公民、法人和其他组织提出的政府信息公开申请{x}件。"),
)


def compound_wrong(text: str, doc: ReportDocument, rng: random.Random) -> Mutant | None:
    """Insert a compound or listed label (a sum of measures) with a wrong total."""
    values = _values(doc)
    options = [(k, t) for k, t in COMPOUNDS if k in values]
    if not options:
        return None
    key, template = rng.choice(options)
    return _claim_sentence(text, doc, rng, "compound_wrong", template.format(x=int(_new_value(rng, int(values[key])))),
                           f"实为 {int(values[key])}")


KINDS: tuple[str, ...] = (
    "table_cell", "table_cell_data", "prose_number", "false_zero", "fee_delete", "old_marker", "heading_damage",
    "expired_topic", "percent_wrong", "approx_wrong", "compound_wrong",
)

_CLAIM_RULES = ("prose.mismatch", "prose.zero_claim", "prose.ambiguous_mismatch", "prose.approx_mismatch")
# The rules whose *new* finding counts as detecting each kind of mutation.
DETECTED_BY: dict[str, tuple[str, ...]] = {
    "table_cell": ("table.identity.", "table.value."),
    "table_cell_data": ("data.cell_mismatch",),
    # a number changed to 0 is a zero claim; an ambiguous binding that disagrees is a warning by contract
    "prose_number": ("prose.mismatch", "prose.zero_claim", "prose.ambiguous_mismatch", "prose.approx_mismatch"),
    "false_zero": ("prose.zero_claim",),
    "fee_delete": ("structure.fee_statement_missing",),
    "old_marker": ("structure.old_format",),
    "heading_damage": ("structure.heading_",),
    "expired_topic": ("stale.topic",),
    "percent_wrong": _CLAIM_RULES,
    "approx_wrong": _CLAIM_RULES,
    "compound_wrong": _CLAIM_RULES,
}
