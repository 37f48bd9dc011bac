"""Every CSV the app writes (the data downloads, a view's CSV), safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some read `|`
and `%` specially). Such a cell is written with a leading apostrophe, which spreadsheets show as
text and do not display; a plain number (`-3.5`, `1,200`) is left as it is. The rule is
defusedcsv's (OWASP's advice on CSV injection); `tests/unit/test_hardening.py` checks it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from defusedcsv import csv as safe_csv


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """Rows as CSV text, one line per row, each risky cell neutralised."""
    out = io.StringIO()
    safe_csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def neutralised(text: str) -> str:
    """A CSV file's text written again with its risky cells neutralised (the same rows otherwise)."""
    return csv_text(csv.reader(io.StringIO(text, newline="")))
