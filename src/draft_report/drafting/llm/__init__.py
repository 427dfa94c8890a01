"""LLM drafting of sections 一 and 五 through any OpenAI-compatible endpoint.

``LLMDrafter(config)`` implements ``drafting.base.SectionDrafter``; ``llm_drafter(**flags)`` builds one
from command-line values (resolved with ``config.resolve_config``) — or, when nothing anywhere names an
endpoint or gives a key, a ``NoEndpointDrafter`` that drafts offline with a notice; ``finish_llm_draft``
writes the provenance sidecar and returns the exit code.

The names are loaded on first use: the offline draft imports ``drafting.llm.draft_claims`` and
``drafting.llm.repair`` (marking a note's wrong figure) without loading the HTTP client and the
``openai`` package (≈ 1 s of imports) that only an LLM draft needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from draft_report.drafting.llm.drafter import LLMDrafter
    from draft_report.drafting.llm.no_endpoint import NoEndpointDrafter
    from draft_report.drafting.llm.provenance import (
        PROVENANCE_NAME,
        finish_llm_draft,
        provenance_text,
        write_provenance,
    )

_LAZY = {
    "LLMDrafter": "draft_report.drafting.llm.drafter",
    "NoEndpointDrafter": "draft_report.drafting.llm.no_endpoint",
    "PROVENANCE_NAME": "draft_report.drafting.llm.provenance",
    "finish_llm_draft": "draft_report.drafting.llm.provenance",
    "provenance_text": "draft_report.drafting.llm.provenance",
    "write_provenance": "draft_report.drafting.llm.provenance",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def llm_drafter(**flags: Any) -> LLMDrafter | NoEndpointDrafter:
    """An ``LLMDrafter`` for these flag values (``None`` = not given; env and config file fill in);
    a ``NoEndpointDrafter`` (offline, with a notice) when no endpoint or key is configured anywhere."""
    import typer

    from draft_report.config import EndpointNotConfigured, resolve_config
    from draft_report.drafting.llm.drafter import LLMDrafter
    from draft_report.drafting.llm.no_endpoint import NoEndpointDrafter

    try:
        config = resolve_config(flags)
    except EndpointNotConfigured as exc:
        return NoEndpointDrafter(str(exc))
    return LLMDrafter(config, progress=lambda message: typer.echo(message, err=True))


__all__ = [
    "PROVENANCE_NAME",
    "LLMDrafter",
    "NoEndpointDrafter",
    "finish_llm_draft",
    "provenance_text",
    "llm_drafter",
    "write_provenance",
]
