"""Outputs are written whole or not at all (safety.atomic): full disk, Ctrl-C, multi-file drafts."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from cli_inprocess import run_cli
from draft_report.safety.atomic import PAUSE_ENV, TEMP_SUFFIX, FileSet, WriteError, write_text

DATA = EXAMPLES / "xiaxian-2023" / "data.yaml"
CLI = [sys.executable, "-c", "from draft_report.cli import main; main()"]
FORMATS = ("report.md", "report.html", "report.docx")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAFT_REPORT_", "OPENAI_"))}
    env.update(extra)
    return env


def _previous_draft(out: Path) -> dict[str, bytes]:
    """A reviewer's earlier draft: every file present, with content that is not what draft writes."""
    out.mkdir()
    files = {name: f"审核人员修改过的 {name}\n".encode() * 3 for name in FORMATS}
    for name, data in files.items():
        (out / name).write_bytes(data)
    return files


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_fileset_commits_all_or_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    with pytest.raises(RuntimeError), FileSet() as files:
        files.add_text(tmp_path / "a.txt", "new a")
        files.add_text(tmp_path / "b.txt", "new b")
        raise RuntimeError("renderer failed")
    assert _snapshot(tmp_path) == {"a.txt": b"old a"}  # no temp file left, nothing replaced
    with FileSet() as files:
        files.add_text(tmp_path / "a.txt", "new a")
        files.add_text(tmp_path / "b.txt", "new b")
    assert _snapshot(tmp_path) == {"a.txt": b"new a", "b.txt": b"new b"}


def test_a_failing_rename_restores_the_files_already_replaced(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("old a", encoding="utf-8")
    (tmp_path / "b").mkdir()  # a folder where the second file should go: its rename fails
    with pytest.raises(WriteError, match="原有文件未改动"), FileSet() as files:
        files.add_text(tmp_path / "a.txt", "new a")
        files.add_text(tmp_path / "b", "new b")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b"]


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    write_text(tmp_path / "r.md", "正文")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o666 & ~umask
    (tmp_path / "r.md").chmod(0o600)
    write_text(tmp_path / "r.md", "新正文")
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o600


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))  # like `ulimit -f 8`


def test_full_disk_keeps_the_previous_report_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous_draft(out)
    proc = subprocess.run(
        [*CLI, "draft", str(DATA), "-o", str(out), "--format", "md,html,docx", "--force"],
        capture_output=True, text=True, env=_env(), preexec_fn=_limit_file_size, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "原有文件未改动" in proc.stderr and "Traceback" not in proc.stderr
    assert "ulimit" in proc.stderr or "磁盘空间不足" in proc.stderr
    assert _snapshot(out) == before


def test_ctrl_c_during_the_word_save_leaves_every_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous_draft(out)
    proc = subprocess.Popen(
        [*CLI, "draft", str(DATA), "-o", str(out), "--format", "md,html,docx", "--force"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(**{PAUSE_ENV: "60@2"}),
    )
    # the writer waits (up to 60 s) after its second temporary file until the signal comes
    deadline = time.monotonic() + 60
    temps: list[Path] = []
    while time.monotonic() < deadline and len(temps) < 2:  # md written to its temp file, html too
        temps = [p for p in out.iterdir() if p.name.endswith(TEMP_SUFFIX)]
        time.sleep(0.05)
    assert len(temps) >= 2, "the writer never reached its temporary files"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["已中断（Ctrl-C）：未完成的文件没有写入，原有文件保持不变。"]
    assert _snapshot(out) == before  # byte-identical, no temporary file left


def test_a_completed_draft_replaces_every_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _previous_draft(out)
    proc = run_cli("draft", str(DATA), "-o", str(out), "--format", "md,html,docx", "--force")
    assert proc.returncode == 0, proc.stderr
    after = _snapshot(out)
    assert sorted(after) == sorted(before)
    assert all(after[name] != before[name] for name in FORMATS)
