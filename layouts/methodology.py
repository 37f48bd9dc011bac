"""The methodology and glossary page."""

from __future__ import annotations

from collections.abc import Mapping

from dash import dcc, html

from layouts.i18n import TEXT, Lang, t

GLOSSARY_TERMS: tuple[str, ...] = tuple(
    key.removeprefix("glossary.").removesuffix(".term") for key in TEXT if key.endswith(".term")
)


def methodology_page(methodology: Mapping[str, str], lang: Lang, back_href: str) -> html.Div:
    glossary = html.Dl(
        [
            item
            for term in GLOSSARY_TERMS
            for item in (
                html.Dt(t(f"glossary.{term}.term", lang)),
                html.Dd(t(f"glossary.{term}.text", lang)),
            )
        ],
        className="glossary",
    )
    return html.Div(
        [
            html.P(html.A(t("nav.map", lang), href=back_href)),
            dcc.Markdown(methodology.get(lang, ""), className="methodology"),
            html.H2(t("glossary.title", lang)),
            glossary,
        ],
        className="text-page",
    )
