"""The installed package: the ``draft-report`` entry point, and a non-editable install that
finds ``prompts/`` and ``templates/`` inside the package (as a wheel ships them)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_inprocess import run_cli

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"


def _entry_point() -> str | None:
    beside = Path(sys.executable).parent / ("draft-report.exe" if os.name == "nt" else "draft-report")
    return str(beside) if beside.exists() else shutil.which("draft-report")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "DRAFT_REPORT_"))}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_installed_entry_point_drafts_the_sample(tmp_path: Path) -> None:
    exe = _entry_point()
    if exe is None:
        pytest.skip("draft-report 未安装到当前环境（pip install -e '.[test]' 后再运行）")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, env=_env(), timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("draft-report ")
    out = tmp_path / "out"
    done = subprocess.run(
        [exe, "draft", str(XIAXIAN), "-o", str(out)], capture_output=True, text=True, env=_env(), timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert f"已生成报告：{out / 'report.md'}" in done.stdout
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# 夏县乡村振兴局")
    # the refusal to overwrite is the same code path: checked in-process (a fresh interpreter
    # costs ≈ 0.5 s and adds nothing here)
    again = run_cli("draft", str(XIAXIAN), "-o", str(out))
    assert again.returncode == 2 and "Traceback" not in again.stderr and "--force" in again.stderr


def test_non_editable_install_ships_prompts_and_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The wheel a non-editable ``pip install`` builds, installed into a folder of its own.

    pip builds it by calling the project's build backend (PEP 517 ``build_wheel`` of hatchling, in
    a helper process) and then unpacks it; here the same hook is called in-process from the
    project folder, and the wheel is unpacked as ``pip install --target`` does for a pure-Python
    wheel (pip's own start-up and helper processes cost ≈ 3.5 s of CPU and test nothing of ours)."""
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("未安装 hatchling：无法离线构建非可编辑安装（pip install hatchling 后可运行此测试）")
    import zipfile

    from hatchling.build import build_wheel

    wheels = tmp_path / "wheels"
    wheels.mkdir()
    monkeypatch.chdir(ROOT)  # PEP 517 hooks run in the project folder
    wheel = wheels / build_wheel(str(wheels))
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    installed = site / "draft_report"
    assert (installed / "templates" / "overview.j2").is_file()
    assert sorted(p.name for p in (installed / "templates").iterdir()) == sorted(
        p.name for p in (ROOT / "templates").iterdir()
    )
    assert sorted(p.name for p in (installed / "prompts").iterdir()) == sorted(
        p.name for p in (ROOT / "prompts").iterdir()
    )
    # Run from the installed copy only (PYTHONPATH wins over the editable install), from a folder
    # outside the checkout so nothing can fall back to the repository's top-level folders.
    script = (
        "import draft_report, sys\n"
        "from pathlib import Path\n"
        "from draft_report import resources\n"
        "from draft_report.cli import main\n"
        "print(Path(draft_report.__file__).parent)\n"
        "print(resources.templates_dir())\n"
        "print(resources.prompts_dir())\n"
        "sys.stdout.flush()\n"
        "main(['draft', sys.argv[1], '-o', sys.argv[2], '--format', 'md,html'])\n"
    )
    out = tmp_path / "out"
    env = {**_env(), "PYTHONPATH": str(site)}
    run = subprocess.run(
        [sys.executable, "-c", script, str(XIAXIAN), str(out)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    package, templates, prompts = (Path(line) for line in run.stdout.splitlines()[:3])
    assert package == installed.resolve()
    assert templates == installed.resolve() / "templates"
    assert prompts == installed.resolve() / "prompts"
    assert "## 一、总体情况" in (out / "report.md").read_text(encoding="utf-8")
    assert (out / "report.html").is_file()
