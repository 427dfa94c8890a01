"""Renderers: a ``ReportDocument`` as Markdown, HTML (and Word, in ``rendering.docx``)."""

from draft_report.rendering.html import render_html
from draft_report.rendering.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
