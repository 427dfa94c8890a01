"""``draft-report draft DATA -o OUT``: data in, complete report out (Markdown / HTML / Word).

A reviewer may already have edited a previous draft, so existing output files are never
overwritten unless ``--force`` is given; the check happens before anything is written.

``run_draft_command`` is the command itself, called by the typer command (``commands.draft``) and
by the fast path of ``cli.main`` (``commands.draft_options``); nothing here loads typer.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from draft_report.drafting.base import SectionDrafter
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.errors import DraftReportError, InputError
from draft_report.loading import Dataset, load_dataset
from draft_report.models.document import ReportDocument
from draft_report.safety.atomic import FileSet, Saver, WriteError
from draft_report.safety.paths import check_output

FORMATS: dict[str, str] = {"md": "report.md", "html": "report.html", "docx": "report.docx"}
_FORMAT_ALIASES = {"markdown": "md", "htm": "html", "word": "docx"}

# (document, self-check findings) → the file's bytes written to a stream; only Word shows the findings
Renderer = Callable[[ReportDocument, "list[Any]"], Saver]
# Modules whose absence means "this installation has no Word output".
_DOCX_MODULES = ("draft_report.rendering.docx", "docx", "lxml")


def parse_formats(values: Iterable[str] | None) -> list[str]:
    """``["md,html", "docx"]`` → ``["md", "html", "docx"]`` (order kept, duplicates dropped)."""
    out: list[str] = []
    for value in values or ["md"]:
        for part in value.replace("，", ",").split(","):
            name = part.strip().lower()
            if not name:
                continue
            name = _FORMAT_ALIASES.get(name, name)
            if name not in FORMATS:
                raise InputError(
                    f"不支持的输出格式“{part.strip()}”；可选：{'、'.join(FORMATS)}（可用逗号分隔或重复填写）",
                    where="--format",
                )
            if name not in out:
                out.append(name)
    return out or ["md"]


def _text_render(render: Callable[[ReportDocument], str]) -> Renderer:
    def prepare(doc: ReportDocument, findings: list[Any]) -> Saver:
        data = render(doc).encode("utf-8")
        return lambda fh: fh.write(data)

    return prepare


def _docx_writer() -> Renderer:
    """The Word writer, imported only when asked for, with a clear message if it is missing."""
    try:
        from draft_report.rendering.docx import docx_saver
    except ModuleNotFoundError as exc:
        if exc.name not in _DOCX_MODULES:  # a bug inside the writer must not pass for "not installed"
            raise
        raise DraftReportError(
            f"当前安装不支持 Word（docx）输出：无法加载 Word 生成模块（{exc}）。"
            "请改用 --format md 或 html，或重新安装完整的 draft-report。"
        ) from None

    def prepare(doc: ReportDocument, findings: list[Any]) -> Saver:
        return docx_saver(doc, findings=findings or None)

    return prepare


def writers(formats: list[str]) -> dict[str, Renderer]:
    from draft_report.rendering.html import render_html
    from draft_report.rendering.markdown import render_markdown

    out: dict[str, Renderer] = {}
    for fmt in formats:
        if fmt == "md":
            out[fmt] = _text_render(render_markdown)
        elif fmt == "html":
            out[fmt] = _text_render(render_html)
        else:
            out[fmt] = _docx_writer()
    return out


def output_paths(
    out_dir: Path, formats: list[str], *, force: bool, inputs: Iterable[Path] = (), extra: Iterable[str] = ()
) -> dict[str, Path]:
    """Target file per format; refuses (before writing anything) to overwrite without ``force``,
    and always refuses a target that is an input or a link leading out of ``out_dir``."""
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("输出位置已存在且不是文件夹；-o 应指定一个文件夹", path=str(out_dir))
    targets = {fmt: out_dir / FORMATS[fmt] for fmt in formats}
    sources = list(inputs)
    for p in [*targets.values(), *(out_dir / name for name in extra)]:
        check_output(p, inputs=sources, folder=out_dir)
    existing = [p for p in targets.values() if p.exists() or p.is_symlink()]
    if existing and not force:
        names = "、".join(str(p) for p in existing)
        raise InputError(
            f"输出文件已存在：{names}。审核人员可能已修改过该稿件，为避免覆盖，本次未写入任何文件；"
            "确需覆盖请加 --force，或用 -o 指定新的文件夹"
        )
    return targets


def write_report(
    doc: ReportDocument,
    out_dir: Path,
    formats: list[str],
    *,
    force: bool = False,
    findings: list[Any] | None = None,
    inputs: Iterable[Path] = (),
    sidecars: Callable[[], dict[str, str]] | None = None,
) -> list[Path]:
    """Write the report in every format (and the ``sidecars``: file name → text) all together
    or not at all (``safety.atomic.FileSet``); returns the paths written.

    ``findings`` (the draft's self-check) become comments in the Word file."""
    extra = sidecars() if sidecars is not None else {}
    targets = output_paths(out_dir, formats, force=force, inputs=inputs, extra=extra)
    chosen = writers(formats)  # fail on a missing writer before writing anything
    savers = {fmt: chosen[fmt](doc, findings or []) for fmt in targets}  # render everything first
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteError(out_dir, exc) from None
    with FileSet() as files:
        for fmt, path in targets.items():
            files.add_stream(path, savers[fmt])
        for name, text in extra.items():
            files.add_text(out_dir / name, text)
    return [*targets.values(), *(out_dir / name for name in extra)]


def dataset_inputs(dataset: Dataset) -> list[Path]:
    """The files a draft was made from (data file and registers): never to be overwritten."""
    files = [dataset.path]
    for source in dataset.sources.values():
        if source and source != "数据文件":
            files.append(dataset.folder / source)
    return files


def self_check(doc: ReportDocument, dataset: Dataset) -> list[Any]:
    """Check the composed draft against its own data; errors and warnings only.

    An offline draft is clean by construction; an LLM draft may keep claims marked 【待核实】.
    The findings become Word comments and a notice, so nothing wrong passes unseen."""
    from draft_report.checking import check_document

    result = check_document(doc, dataset)
    return [f for f in result.findings if f.severity in ("error", "warning")]


def self_check_notice(findings: list[Any], formats: list[str], output: Path, data: Path) -> str | None:
    if not findings:
        return None
    errors = sum(1 for f in findings if f.severity == "error")
    where = "Word 稿中已在相应段落或单元格加批注；" if "docx" in formats else ""
    first = FORMATS["md"] if "md" in formats else FORMATS[formats[0]]
    from draft_report.checking.finding_text import finding_text

    shown = [f"  · {finding_text(f)}" for f in findings[:_SHOWN_FINDINGS]]
    if len(findings) > _SHOWN_FINDINGS:
        shown.append(f"  · ……另有 {len(findings) - _SHOWN_FINDINGS} 个")
    return "\n".join(
        [
            f"起草后自检发现 {len(findings)} 个问题（错误 {errors} 个，警告 {len(findings) - errors} 个）；{where}"
            f"详情请运行：draft-report check {output / first} --data {data}",
            *shown,
        ]
    )


_SHOWN_FINDINGS = 3


def draft_notices(dataset: Dataset, doc: ReportDocument, provenance: dict[str, Any]) -> list[str]:
    """What the user should know about this draft, in Chinese."""
    notices = list(dataset.notices)
    for key, label in (("overview", "一、总体情况"), ("problems", "五、存在的主要问题及改进情况")):
        section = provenance.get(key) or {}
        generic = section.get("generic_topics") or []
        if generic:
            notices.append(
                f"“{label}”中以下部分数据文件没有填写要点，已使用通用表述，请核实补充：{'、'.join(generic)}"
            )
        for item in section.get("missing_content") or []:
            notices.append(f"“{label}”缺少{item}，请在数据文件中补充。")
    if doc.date is None:
        notices.append("数据文件没有填写发布日期（publication_date），落款日期留空，请补填。")
    return notices


def run_draft(
    data: Path,
    output: Path,
    formats: list[str],
    *,
    force: bool = False,
    drafter: SectionDrafter | None = None,
    sidecars: Callable[[], dict[str, str]] | None = None,
) -> tuple[list[Path], list[str]]:
    """Load, compose, write; returns (paths written, notices). Used by the command and tests.

    Existing output files (without ``force``) and a missing Word writer are refused first, before
    the data is read or anything is composed or written. ``sidecars`` (called after composing)
    gives further files (name → text) written in the same all-or-nothing step as the report."""
    output_paths(output, formats, force=force, inputs=[data])
    writers(formats)
    dataset = load_dataset(data)
    provenance: dict[str, Any] = {}
    doc = compose_document(dataset, drafter or OfflineDrafter(), provenance=provenance)
    findings = self_check(doc, dataset)
    written = write_report(
        doc, output, formats, force=force, findings=findings, inputs=dataset_inputs(dataset), sidecars=sidecars
    )
    notices = draft_notices(dataset, doc, provenance)
    summary = self_check_notice(findings, formats, output, data)
    if summary:
        notices.append(summary)
    return written, notices


def _echo(text: str, *, err: bool = False) -> None:
    """One line on stdout (stderr with ``err``), flushed: what ``typer.echo`` prints."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def run_draft_command(
    data: Path,
    output: Path,
    formats: list[str] | None = None,
    force: bool = False,
    llm: bool = False,
    base_url: str | None = None,
    model: str | None = None,
    api_key: str | None = None,
    provider: str | None = None,
    timeout: str | None = None,
    temperature: str | None = None,
    max_repair_rounds: str | None = None,
) -> int:
    """``draft-report draft`` (options as parsed, ``commands.draft_options``); the exit code (0:
    drafted; an input error, a refusal or a marked figure raises ``DraftReportError``)."""
    drafter = None
    if llm:
        from draft_report.drafting.llm import llm_drafter

        output_paths(output, parse_formats(formats), force=force)  # refuse before any model call

        drafter = llm_drafter(
            base_url=base_url, model=model, api_key=api_key, provider=provider, timeout=timeout,
            temperature=temperature, max_repair_rounds=max_repair_rounds,
        )
    elif any(v is not None for v in (base_url, model, api_key, provider, timeout, temperature, max_repair_rounds)):
        _echo("提示：未加 --llm，大模型相关参数（--base-url、--model 等）未使用，本次用内置模板起草。", err=True)
    sidecars = None
    if drafter is not None:
        from draft_report.drafting.llm import PROVENANCE_NAME, provenance_text

        llm_drafter_ = drafter

        def sidecars() -> dict[str, str]:  # the provenance record, written together with the report
            return {PROVENANCE_NAME: provenance_text(llm_drafter_, data_path=str(data))}

    offline = OfflineDrafter() if drafter is None else None  # keeps the note figures it had to mark
    written, notices = run_draft(
        data, output, parse_formats(formats), force=force, drafter=drafter or offline, sidecars=sidecars
    )
    for path in written:
        if drafter is None or path.name != "report.provenance.json":
            _echo(f"已生成报告：{path}")
    for notice in notices:
        _echo(f"提示：{notice}")
    if drafter is not None:
        from draft_report.drafting.llm import finish_llm_draft

        # exit 1 if a claim is still wrong; the provenance file was written with the report
        finish_llm_draft(drafter, output, data_path=str(data), written=True)
    elif offline is not None:
        from draft_report.drafting.note_check import finish_offline_draft

        finish_offline_draft(offline)  # exit 1 if a note's figure contradicts the data (marked)
    return 0
