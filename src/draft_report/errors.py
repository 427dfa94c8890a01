"""Exception tree. The CLI maps these to exit codes in one place (``cli.main``).

- ``InputError`` (exit 2): the user's input cannot be used — a data file, a log file, a
  report to check, a flag. The message is Chinese and names the file, field, line or cell.
- ``DraftReportError`` (exit 1): an expected failure while working (e.g. an LLM endpoint
  misconfigured in a way the user must fix; ``safety.atomic.WriteError``: an output could not be
  written — full disk, file-size limit, permissions — and the previous file is unchanged).
- ``limits.LimitExceeded`` (an ``InputError``, exit 2): an input over one of the limits.
- Ctrl-C: one Chinese line, exit 130 (``cli.main``).
"""

from __future__ import annotations


class DraftReportError(Exception):
    """Base class of all expected errors; ``str(err)`` is a Chinese message for the user."""

    exit_code = 1


class InputError(DraftReportError):
    """Input that cannot be read or is invalid; names what is wrong and what is expected."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, where: str | None = None) -> None:
        self.path = path
        self.where = where
        prefix = ""
        if path:
            prefix += f"{path}"
            if where:
                prefix += f"（{where}）"
            prefix += "："
        elif where:
            prefix += f"{where}："
        super().__init__(prefix + message)
