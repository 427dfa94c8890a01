"""``audit.collect`` de-duplicates files by their resolved path, resolving each folder once:
links to files and folders, and a file named twice, still count once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import REAL_REPORTS
from draft_report.audit import TEXT_MARK
from draft_report.audit.collect import _Keys, collect

REPORT = REAL_REPORTS / "huaian_2024.txt"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_links_and_repeated_names_are_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "年报"
    (real / "区县").mkdir(parents=True)
    shutil.copy(REPORT, real / "区县" / "甲.txt")
    shutil.copy(REPORT, real / "乙.txt")
    (real / "丙.txt").symlink_to(real / "乙.txt")  # a link to a file of the same folder
    (tmp_path / "链接").symlink_to(real, target_is_directory=True)  # a linked folder
    monkeypatch.chdir(real)
    found = collect([tmp_path / "链接", real / "区县", Path("区县") / ".." / "乙.txt", Path("乙.txt")])
    assert sorted(j.path.name for j in found.jobs) == ["丙.txt", "甲.txt"]  # 丙 (the link) is met first
    keys = _Keys()
    for path in [real / "区县" / "甲.txt", tmp_path / "链接" / "乙.txt", real / "丙.txt", Path("区县") / ".." / "乙.txt"]:
        assert keys.file(path) == str(path.resolve())


def test_a_text_summary_is_known_by_its_first_line(tmp_path: Path) -> None:
    shutil.copy(REPORT, tmp_path / "报告.txt")
    (tmp_path / "汇总.txt").write_text("\ufeff" + TEXT_MARK + "\n共 1 份报告\n", encoding="utf-8")
    (tmp_path / "说明.txt").write_text("核查说明\n" + TEXT_MARK + "\n", encoding="utf-8")
    found = collect([tmp_path])
    assert [s.path.name for s in found.skipped] == ["汇总.txt"]
    assert sorted(j.path.name for j in found.jobs) == ["报告.txt", "说明.txt"]
