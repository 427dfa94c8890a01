"""``draft-report audit``: a region's published reports checked at once, for supervisors.

- ``collect``: which files are reports (one report saved as .docx/.html/.md/.pdf is audited
  once, from the richest format), which are skipped and why (files this tool wrote, formats
  that cannot be read, other files);
- ``run``: read and check every report, over worker processes for large batches (``pool``), with a
  progress bar on a terminal; one bad file never stops the run; ``--previous-dir`` pairs each
  report with the same agency's report of the year before;
- ``render`` (text, CSV, JSON) and ``html_summary`` (one self-contained page).
"""

# Marks on the files this tool writes, so that an audit never audits them as reports.
GENERATOR = "draft-report audit"  # <meta name="generator"> of the HTML summary
TEXT_MARK = "# draft-report 核查汇总"  # first line of a text summary written to a file
ANNOTATED_CATEGORY = "draft-report 批注副本"  # docx core property "category" of an annotated copy
