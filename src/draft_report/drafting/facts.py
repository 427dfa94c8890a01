"""Formatting helpers that turn data into the phrases the drafter writes.

Everything here is deterministic: numbers are printed as they are in the data (no rounding
beyond dropping a trailing ``.0``), dates in the Chinese document style without zero padding
(“2024年1月18日”), and the agency's self-reference (“我局”“我县”) is inferred from its name
when the data does not give one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from draft_report.models.data import Agency
from draft_report.models.document import Paragraph

_END_PUNCT = "。！？；：…）)"
_CLOSING_QUOTES = "”’」』"
_CN_ORDINALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def fmt_num(value: int | float | None) -> str:
    """A count or amount as written in the prose: ``3`` / ``12.5`` (never ``3.0``)."""
    if value is None:
        raise ValueError("fmt_num: a blank value cannot be written into the prose")
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def fmt_date(day: dt.date) -> str:
    """“2024年1月18日” — the signature-date style, no zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


def ordinal(index: int) -> str:
    """Chinese ordinal for any positive count: 一 … 十, 十一 … 二十一 … 一百 (cn2an beyond 十)."""
    if index < 1:
        raise ValueError(f"ordinal out of range: {index}")
    if index <= len(_CN_ORDINALS):
        return _CN_ORDINALS[index - 1]
    import cn2an

    return str(cn2an.an2cn(index))


def sentence(text: str) -> str:
    """Trim a note and make sure it ends like a sentence (adds “。” when needed)."""
    text = text.strip()
    if not text:
        return ""
    text = text.rstrip("，,、；;")
    last = text.rstrip(_CLOSING_QUOTES)
    if not last or last[-1] not in _END_PUNCT:
        text += "。"
    return text


def clause(text: str) -> str:
    """A note used inside a sentence: trailing full stops and commas removed."""
    return text.strip().rstrip("。．.，,；;！!")


def join_clauses(items: Iterable[str], sep: str = "，") -> str:
    return sep.join(c for c in (clause(i) for i in items) if c)


def join_sentences(items: Iterable[str]) -> str:
    return "".join(s for s in (sentence(i) for i in items) if s)


# Openings that already carry a subject or a time: “我局…”, “局党组…”, “2025年…”, “全年…”.
_HAS_SUBJECT = re.compile(r"^(?:[我本该各局党]|全局|全年|今年|年内|[0-9０-９]|[一二三四五六七八九十]+是)")


def with_subject(text: str, we: str) -> str:
    """A note that opens a paragraph reads as a sentence of the agency: “优化专栏” → “我局优化专栏”.

    Notes that name their own subject or time, or that read as a heading (“强化组织领导：……”),
    stay as typed."""
    text = text.strip()
    if not text or _HAS_SUBJECT.match(text) or text.startswith(we) or _HEADED.match(text):
        return text
    return we + text


# “强化组织领导：……” / “强化监督机制。严格执行……”: a short heading phrase, then the text
_HEADED = re.compile(r"^[^：:，,。；]{2,10}[：:。].")


# Numbering a user may already have typed: “1.” “2、” “（三）” “(4)” “一是”.
_OWN_NUMBERING = re.compile(r"^\s*(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9一二三四五六七八九十]+[.、．]|[一二三四五六七八九十]+是)\s*")


def strip_numbering(text: str) -> str:
    """Drop numbering the user typed, so the drafter's own numbering is not doubled."""
    return _OWN_NUMBERING.sub("", text.strip(), count=1)


def enumerate_points(items: Sequence[str]) -> str:
    """“一是……；二是……。” — problems listed inside one paragraph."""
    parts = [f"{ordinal(i)}是{clause(strip_numbering(text))}" for i, text in enumerate(items, start=1)]
    return "；".join(parts) + "。" if parts else ""


_SELF_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("街道办事处", "我街道"),
    ("办事处", "我处"),
    ("委员会", "我委"),
    ("办公室", "我办"),
    ("中心", "我中心"),
    ("局", "我局"),
    ("厅", "我厅"),
    ("委", "我委"),
    ("办", "我办"),
    ("院", "我院"),
    ("部", "我部"),
    ("署", "我署"),
    ("站", "我站"),
    ("所", "我所"),
    ("处", "我处"),
    ("会", "我会"),
    ("大队", "我大队"),
    ("支队", "我支队"),
)
_GOV_LEVELS = ("自治州", "自治县", "自治旗", "省", "市", "县", "区", "州", "旗", "盟", "镇", "乡")


def self_reference(agency: Agency) -> str:
    """How the agency names itself in the prose: given ``short_name``, else inferred (我局/我县/本机关)."""
    if agency.short_name:
        return agency.short_name
    # a second name carried in brackets (“某县应急管理局（县地震局）”) does not change the suffix
    name = re.sub(r"\s*[（(][^（()）]*[）)]$", "", agency.name.strip()) or agency.name
    gov = re.sub(r"人民政府(办公室)?$", "", name)
    if gov != name and not name.endswith("办公室"):
        for level in _GOV_LEVELS:
            if gov.endswith(level):
                return f"我{level}"
        return "本级政府"
    for suffix, ref in _SELF_SUFFIXES:
        if name.endswith(suffix):
            return ref
    return "本机关"


def split_lines_to_paragraphs(text: str) -> list[Paragraph]:
    """Free text typed by the user (e.g. its own preface): one paragraph per non-empty line."""
    return [Paragraph(text=line.strip()) for line in text.splitlines() if line.strip()]
