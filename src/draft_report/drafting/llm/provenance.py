"""The provenance sidecar (``report.provenance.json``) and what ``draft --llm`` prints at the end.

The sidecar says, for each drafted section, which backend wrote it (model, endpoint host — never
the key or the URL path — prompt template hash, token usage, repair rounds) and, for each number
in it, the data field it binds to, so a reviewer can see where every figure came from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from draft_report import __version__
from draft_report.drafting.llm.client import CallStats
from draft_report.errors import DraftReportError
from draft_report.safety.atomic import write_text
from draft_report.sections import SECTION_BY_KEY

if TYPE_CHECKING:
    from typing import TypeAlias

    from draft_report.drafting.llm.drafter import LLMDrafter
    from draft_report.drafting.llm.no_endpoint import NoEndpointDrafter

    AnyLLMDrafter: TypeAlias = LLMDrafter | NoEndpointDrafter

PROVENANCE_NAME = "report.provenance.json"


def provenance_record(drafter: AnyLLMDrafter, *, data_path: str | None = None) -> dict[str, Any]:
    stats = drafter.chat.stats if drafter.chat is not None else CallStats()
    if drafter.config is not None:
        llm: dict[str, Any] = drafter.config.public_dict()
    else:  # --llm without an endpoint: drafted offline, and the record says why
        llm = {"configured": False, "backend": "offline", "reason": drafter.notices[0]}
    return {
        "generator": f"draft-report {__version__}",
        "data_file": data_path,
        "llm": llm,
        "sections": drafter.sections,
        "totals": {
            "http_attempts": stats.attempts,
            "llm_calls": stats.calls,
            "prompt_tokens": stats.prompt_tokens,
            "completion_tokens": stats.completion_tokens,
            "seconds_in_model": round(stats.seconds_in_model, 3),
            "seconds_waiting_to_retry": round(stats.seconds_sleeping, 3),
            "seconds_outside_model": round(drafter.seconds_outside_model, 3),
        },
        "endpoint_errors": list(stats.errors),
        "notices": list(drafter.notices),
        "rejected_answers": list(getattr(drafter, "rejections", [])),
        "unresolved": [u.to_dict() for u in drafter.unresolved],
    }


def provenance_text(drafter: AnyLLMDrafter, *, data_path: str | None = None) -> str:
    """The sidecar's JSON text (``draft`` writes it in the same all-or-nothing step as the report)."""
    return json.dumps(provenance_record(drafter, data_path=data_path), ensure_ascii=False, indent=2) + "\n"


def write_provenance(drafter: AnyLLMDrafter, out_dir: Path, *, data_path: str | None = None) -> Path:
    """Write ``OUT/report.provenance.json`` (beside the report it describes), atomically."""
    path = out_dir / PROVENANCE_NAME
    write_text(path, provenance_text(drafter, data_path=data_path))
    return path


def summary_lines(drafter: AnyLLMDrafter) -> list[str]:
    """Chinese lines for the terminal: fallbacks, then every unresolved claim."""
    lines = [f"提示：{n}" for n in drafter.notices]
    if drafter.unresolved:
        lines.append(
            (f"经 {drafter.config.max_repair_rounds} 轮核对修改，" if drafter.config is not None else "")
            + f"仍有 {len(drafter.unresolved)} 处数字与数据不符或无法核对，已在报告中以【待核实：…】标出，请人工核实："
        )
        for u in drafter.unresolved:
            where = f"“{u.excerpt}”" if u.excerpt else "（未能定位原文）"
            section = SECTION_BY_KEY[u.section].heading if u.section in SECTION_BY_KEY else u.section
            lines.append(f"  - {section} {where}：{u.message}")
    return lines


def finish_llm_draft(
    drafter: AnyLLMDrafter, out_dir: Path, *, data_path: str | None = None, written: bool = False
) -> None:
    """After the report is written: the sidecar (unless ``written`` with the report already), the
    notices, the unresolved list. Raises ``DraftReportError`` (exit code 1) when a claim is still
    wrong — the report stays written."""
    path = out_dir / PROVENANCE_NAME if written else write_provenance(drafter, out_dir, data_path=data_path)
    typer.echo(f"已生成来源记录：{path}")
    for line in summary_lines(drafter):
        typer.echo(line, err=not line.startswith("提示"))
    if drafter.unresolved:
        raise DraftReportError(
            f"报告已生成，但有 {len(drafter.unresolved)} 处数字与数据不符（已标注【待核实】），核实修改前请勿发布"
        )
