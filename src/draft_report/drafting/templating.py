"""Jinja2 environment over ``templates/`` and the paragraph convention of the text templates.

A text template renders plain text. Paragraphs are separated by blank lines; the lines of one
paragraph are stripped and joined without a separator (Chinese needs none), so templates can
wrap long sentences. A paragraph that starts with ``### `` is a sub-heading.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from draft_report import resources
from draft_report.drafting import facts
from draft_report.models.document import Paragraph

SUBHEADING_MARK = "### "
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def jinja_env(folder: Path, *, autoescape: bool = False) -> jinja2.Environment:
    """A strict environment over ``folder`` (a missing variable is a bug, never an empty string),
    with block whitespace trimmed and the number/sentence filters of ``drafting.facts``. Serves the
    report templates (``templates/``) and the LLM prompts (``prompts/``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        num=facts.fmt_num,
        sentence=facts.sentence,
        clause=facts.clause,
        join_sentences=facts.join_sentences,
        join_clauses=facts.join_clauses,
        points=facts.enumerate_points,
        cn_date=facts.fmt_date,
        with_subject=facts.with_subject,
    )
    return env


@lru_cache(maxsize=2)
def template_env(autoescape: bool = False) -> jinja2.Environment:
    """The shared environment over ``templates/``."""
    return jinja_env(resources.templates_dir(), autoescape=autoescape)


def render_text(template_name: str, context: dict[str, Any]) -> str:
    return template_env().get_template(template_name).render(context)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks → paragraphs; ``### `` blocks → sub-headings."""
    out: list[Paragraph] = []
    for block in _BLANK_LINES.split(text.replace("\r\n", "\n")):
        joined = "".join(line.strip() for line in block.splitlines()).strip()
        if not joined:
            continue
        if joined.startswith(SUBHEADING_MARK.strip()):
            out.append(Paragraph(text=joined.lstrip("#").strip(), kind="subheading"))
        else:
            out.append(Paragraph(text=joined))
    return out


def render_paragraphs(template_name: str, context: dict[str, Any]) -> list[Paragraph]:
    return split_paragraphs(render_text(template_name, context))
