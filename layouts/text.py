"""Data text placed where markup is read: plotly's text and hover (a little HTML) and Markdown.

Text from the data or the address is always shown as written, never read as markup.
"""

from __future__ import annotations

import html

_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]()#+-.!|<>~"})


def plotly_text(text: str) -> str:
    """Text for plotly's text and hover: `<`, `>` and `&` escaped."""
    return html.escape(text, quote=False)


def markdown_text(text: str) -> str:
    """Text as literal Markdown on one line: every special character escaped."""
    return " ".join(text.split()).translate(_MARKDOWN_SPECIAL)
