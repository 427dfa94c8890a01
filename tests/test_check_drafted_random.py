"""The drafter ↔ checker contract on many seeded random datasets: every drafted report, written
to Markdown and read back, checks clean against its data (no error, no warning), and a changed
prose number or cell in it is caught."""

from __future__ import annotations

import functools
import random
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from random_datasets import dataset  # noqa: E402

from draft_report.checking import check_document
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.reading import read_text
from draft_report.rendering.markdown import render_markdown
from draft_report.tables import layout as L

if TYPE_CHECKING:
    from draft_report.checking.findings import CheckResult
    from draft_report.loading.dataset import Dataset


@functools.cache
def drafted(seed: int) -> tuple[Dataset, str, CheckResult]:
    """The random dataset of ``seed``, its offline draft as Markdown, and the check of that draft
    read back: made once per process, read by both tests of a seed (none of them changes it)."""
    ds = dataset(seed)
    md = render_markdown(compose_document(ds, OfflineDrafter()))
    return ds, md, check_document(read_text(md, source="report.md", fmt="markdown"), ds)


@pytest.mark.parametrize("seed", range(12))
def test_drafted_report_is_clean_against_its_data(seed: int) -> None:
    _, _, result = drafted(seed)
    bad = [(f.rule, f.message) for f in result.findings if f.severity != "info"]
    assert bad == []


@pytest.mark.parametrize("seed", range(12))
def test_changed_number_in_drafted_report_is_caught(seed: int) -> None:
    ds, md, unchanged = drafted(seed)
    base = {f.key() for f in unchanged.findings}
    rng = random.Random(seed)
    # a prose number of section 一 (the first “N件/条/次” after the heading)
    head = md.index("## 一、")
    m = next(re.finditer(r"(\d+)(件|条|次|场)", md[head:]), None)
    if m is not None:
        old = int(m.group(1))
        new = old + rng.randint(1, 9)
        at = head + m.start(1)
        mutated = md[:at] + str(new) + md[at + len(m.group(1)):]
        result = check_document(read_text(mutated, source="report.md", fmt="markdown"), ds)
        assert any(f.key() not in base and f.rule in ("prose.mismatch", "prose.zero_claim") for f in result.findings)
    # one table cell
    cell = rng.choice([c for c in L.all_cell_ids() if not c.startswith("t2.fees")])
    pattern = re.compile(rf'(data-cell="{re.escape(cell)}"[^>]*>)(\d+)<')
    m2 = pattern.search(md)
    assert m2 is not None
    mutated = md[: m2.start(2)] + str(int(m2.group(2)) + 1) + md[m2.end(2):]
    result = check_document(read_text(mutated, source="report.md", fmt="markdown"), ds)
    assert any(f.rule == "data.cell_mismatch" and f.location.cell_id == cell for f in result.findings)
