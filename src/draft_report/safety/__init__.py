"""Safety of what the program writes and reads: atomic file replacement (``safety.atomic``)
and output-path checks (``safety.paths``). Limits on input size live in ``draft_report.limits``."""
