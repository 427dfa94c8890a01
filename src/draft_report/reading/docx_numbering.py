"""Word's automatic list numbering, rendered as text ("一、" "（二）" "3.").

Reviewers' files often number headings with Word lists instead of typing "一、": the number
is then not in the paragraph text but in ``numbering.xml``. This module gives each numbered
paragraph its visible label, so the shared reader sees the same heading it would in print.
Counters are kept per abstract list (lists sharing a definition continue each other's
numbering, as in Word); ``w:startOverride`` restarts a list.
"""

from __future__ import annotations

from dataclasses import field

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from draft_report.records import dataclass

_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_CHINESE = {"chineseCounting", "chineseCountingThousand", "ideographLegalTraditional", "taiwaneseCounting",
            "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"}  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """One level's number in Word's ``w:numFmt``."""
    if fmt in _CHINESE:
        import cn2an  # only for Chinese list numbers (≈ 0.3 s to import)

        return str(cn2an.an2cn(n))
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "decimalEnclosedCircle" and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstract, starts)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # style id → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, p: etree._Element) -> str:
        """The visible number of paragraph ``p`` ("" when it is not numbered)."""
        ref = self._num_of(p)
        if ref is None:
            return ""
        num_id, ilvl = ref
        if num_id not in self.nums:
            return ""
        abstract, starts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        counter = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in starts.items():
                counter[lvl] = start - 1
        level = levels.get(ilvl, _Level())
        counter[ilvl] = counter.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counter if k > ilvl]:
            del counter[deeper]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for k in range(ilvl + 1):
            lv = levels.get(k, _Level())
            text = text.replace(f"%{k + 1}", format_number(counter.get(k, lv.start), lv.fmt))
        return text

    def _num_of(self, p: etree._Element) -> tuple[str, int] | None:
        p_pr = p.find(qn("w:pPr"))
        num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            ilvl = num_pr.find(qn("w:ilvl"))
            nid = num_id.get(qn("w:val")) if num_id is not None else None
            if nid in (None, "0"):
                return None
            return nid, _level(ilvl.get(qn("w:val")) if ilvl is not None else None)
        style = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
        if style is not None:
            return self.style_num.get(style.get(qn("w:val"), ""))
        return None


def _small_int(raw: str | None, default: int) -> int:
    """An attribute holding a plain ASCII number of at most 6 digits, else ``default``.

    Damaged or hostile files carry values such as "NaN", "²" (``isdigit`` but not ``int``) or
    thousands of digits; a list label is never worth an error, so they fall back to the default.
    """
    if raw is None or not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        return default
    return int(raw)


def _level(raw: str | None) -> int:
    """A list level (Word uses 0–8); anything else is level 0."""
    level = _small_int(raw, 0)
    return level if level <= 8 else 0


def _val(el: etree._Element | None, default: str = "") -> str:
    return default if el is None else el.get(qn("w:val"), default)


def load_numbering(document: DocxDocument) -> Numbering | None:
    """The document's list definitions, or None when it has no numbering part."""
    part = next(
        (
            r.target_part
            for r in document.part.rels.values()
            if not r.is_external and r.reltype.endswith("/numbering")
        ),
        None,
    )
    if part is None:
        return None
    root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
    out = Numbering()
    for absn in root.iter(qn("w:abstractNum")):
        levels: dict[int, _Level] = {}
        for lvl in absn.iter(qn("w:lvl")):
            start = _val(lvl.find(qn("w:start")), "1")
            levels[_level(lvl.get(qn("w:ilvl")))] = _Level(
                start=_small_int(start, 1),
                fmt=_val(lvl.find(qn("w:numFmt")), "decimal"),
                text=_val(lvl.find(qn("w:lvlText")), ""),
            )
        out.levels[absn.get(qn("w:abstractNumId"), "")] = levels
    for num in root.iter(qn("w:num")):
        starts: dict[int, int] = {}
        for override in num.iter(qn("w:lvlOverride")):
            start = _val(override.find(qn("w:startOverride")))
            if _small_int(start, -1) >= 0:
                starts[_level(override.get(qn("w:ilvl")))] = _small_int(start, 1)
        out.nums[num.get(qn("w:numId"), "")] = (_val(num.find(qn("w:abstractNumId"))), starts)
    for style in document.styles.element.iter(qn("w:style")):
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            nid = _val(num_pr.find(qn("w:numId")))
            if nid and nid != "0":
                out.style_num[style.get(qn("w:styleId"), "")] = (
                    nid,
                    _level(_val(num_pr.find(qn("w:ilvl")), "0")),
                )
    return out
