"""Data text placed where markup is read: plotly's text and hover (a little HTML).

Text from the data or the address is always shown as written, never read as markup.
"""

from __future__ import annotations

import html


def plotly_text(text: str) -> str:
    """Text for plotly's text and hover: `<`, `>` and `&` escaped."""
    return html.escape(text, quote=False)
