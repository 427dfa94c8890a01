"""LLM drafting of sections 一 and 五 through any OpenAI-compatible endpoint.

``LLMDrafter(config)`` implements ``drafting.base.SectionDrafter``; ``llm_drafter(**flags)`` builds one
from command-line values (resolved with ``config.resolve_config``); ``finish_llm_draft`` writes the
provenance sidecar and returns the exit code.
"""

from __future__ import annotations

from typing import Any

import typer

from draft_report.config import resolve_config
from draft_report.drafting.llm.drafter import LLMDrafter
from draft_report.drafting.llm.provenance import PROVENANCE_NAME, finish_llm_draft, write_provenance


def llm_drafter(**flags: Any) -> LLMDrafter:
    """An ``LLMDrafter`` for these flag values (``None`` = not given; env and config file fill in)."""
    return LLMDrafter(resolve_config(flags), progress=lambda message: typer.echo(message, err=True))


__all__ = ["PROVENANCE_NAME", "LLMDrafter", "finish_llm_draft", "llm_drafter", "write_provenance"]
