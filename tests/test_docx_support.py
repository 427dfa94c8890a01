"""Helpers shared by the Word tests (no tests here): the composed sample report and XML access."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.models.document import ReportDocument

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "examples" / "xiaxian-2023" / "data.yaml"


def sample_document() -> ReportDocument:
    """The xiaxian-2023 example drafted offline (all six sections, three tables): the caller's own
    copy (a test may change it) of the one drafted per process."""
    return copy.deepcopy(_drafted_sample())


@functools.cache
def _drafted_sample() -> ReportDocument:
    return compose_document(load_dataset(SAMPLE_DATA), OfflineDrafter())


def attr(el: etree._Element | None, name: str) -> str | None:
    return None if el is None else el.get(qn(name))


def find(el: etree._Element, path: str) -> etree._Element | None:
    """``path`` like ``w:pPr/w:spacing``."""
    return el.find("/".join(qn(p) for p in path.split("/")))
