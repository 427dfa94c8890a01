"""Assemble the whole report: title, preface, six sections, tables, signature and date.

Sections 一 and 五 come from a ``SectionDrafter``; everything else is deterministic: the
tables are the dataset's tables, section 六 always carries the fee statement, and the preface
is the agency's own or the standard one (legal basis, statistics period, contact).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from draft_report.drafting import context as ctx
from draft_report.drafting.base import SectionDraft, SectionDrafter
from draft_report.drafting.facts import split_lines_to_paragraphs
from draft_report.drafting.templating import render_paragraphs
from draft_report.errors import InputError
from draft_report.models.data import ReportData
from draft_report.models.document import Paragraph, ReportDocument, Section
from draft_report.sections import SECTIONS, report_title

if TYPE_CHECKING:
    from draft_report.loading import Dataset

FEE_STANDARD_PHRASES: dict[str, str] = {
    "按件": "按件计收",
    "按量": "按量计收",
    "按件和按量": "按件计收和按量计收",
}


def compose_document(
    dataset: Dataset, drafter: SectionDrafter, *, provenance: dict[str, Any] | None = None
) -> ReportDocument:
    """The complete report of ``dataset``; ``provenance`` (if given) receives each drafted section's."""
    data: ReportData = dataset.data
    try:
        tables = data.tables()
    except ValueError as err:
        raise InputError(str(err), path=_source(dataset)) from err
    drafted: dict[str, SectionDraft] = {key: drafter.draft(key, dataset) for key in ("overview", "problems")}
    if provenance is not None:
        provenance.update({key: d.provenance for key, d in drafted.items()})
    sections: list[Section] = []
    for sdef in SECTIONS:
        if sdef.key in drafted:
            paragraphs = list(drafted[sdef.key].paragraphs)
        elif sdef.key == "other":
            paragraphs = other_matters(data)
        else:  # 二/三/四: the section is its table
            paragraphs = []
        sections.append(Section(key=sdef.key, heading=sdef.heading, paragraphs=paragraphs))
    return ReportDocument(
        title=report_title(data.agency.name, data.year),
        agency=data.agency.name,
        year=data.year,
        preface=preface(data),
        sections=sections,
        tables=tables,  # a fresh copy: data.tables() builds new tables
        tables_found=["table2", "table3", "table4"],
        signature=data.signature,
        date=data.publication_date,
        source=_source(dataset),
        source_format="drafted",
    )


def preface(data: ReportData) -> list[Paragraph]:
    """The agency's own preface, or the standard one."""
    if data.preface:
        return split_lines_to_paragraphs(data.preface)
    contact = data.agency.contact
    items: list[str] = []
    office: str | None = None
    website: str | None = None
    if contact is not None:
        for label, value in (
            ("地址", contact.address),
            ("邮编", contact.postcode),
            ("电话", contact.phone),
            ("电子邮箱", contact.email),
        ):
            if value:
                items.append(f"{label}：{value}")
        if contact.office or items:
            office = contact.office or data.agency.name
        website = contact.website
    context = {
        **ctx.base_context(data),
        "website": website,
        "contact_office": office,
        "contact_items": items,
    }
    return render_paragraphs("preface.j2", context)


def other_matters(data: ReportData) -> list[Paragraph]:
    """Section 六: the fee statement (always) and the other matters given."""
    standard = FEE_STANDARD_PHRASES.get(data.fees.standard or "", "")
    context = {**ctx.base_context(data), "fees": data.fees, "fee_standard": standard, "other": data.other_matters}
    return render_paragraphs("other.j2", context)


def _source(dataset: Any) -> str | None:
    path = getattr(dataset, "path", None)
    return str(path) if path is not None else None
