"""Terms explained where they appear: each name of a glossary entry in a text becomes a link to its
entry on the methodology page, with the entry's one-line definition shown on hover or focus
(`assets/style.css`, `.term`). Which words are names is `data.glossary`'s to say."""

from __future__ import annotations

from dash import html

from data.glossary import definition, pieces
from data.i18n import Lang
from data.view import glossary_url


def term(name: str, key: str, lang: Lang, scope: str) -> html.Span:
    """A name linked to its entry, its definition in a tooltip that describes the link."""
    tip = f"tip-{scope}-{key}"
    return html.Span(
        [
            html.A(name, href=glossary_url(lang, key), className="term-link", **{"aria-describedby": tip}),
            html.Span(definition(key, lang), id=tip, role="tooltip", className="term-tip"),
        ],
        className="term",
    )


def linked(text: str, lang: Lang, scope: str, seen: set[str] | None = None) -> list:
    """`text` with the names of glossary entries linked (each entry once per `seen`); `scope` keeps
    the tooltips' ids apart between the places of one page."""
    return [run if key is None else term(run, key, lang, scope) for run, key in pieces(text, lang, seen)]
