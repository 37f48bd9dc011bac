"""The methodology and glossary page, and the page for an address that has none.

The methodology page opens with how to read the map (`layouts/guide.py`), then the methodology's
Markdown, the glossary, and last the methodology's appendix for maintainers."""

from __future__ import annotations

from dash import dcc, html

from data.context import AppData
from data.describe import review_notice
from data.glossary import anchor
from data.i18n import TEXT, Lang, t
from data.view import View, data_changes_url, map_url, methodology_url
from layouts.common import footer, header, message_page, notices
from layouts.guide import guide_section, reading_guide
from layouts.ids import Id
from layouts.map_figure import as_of_text

GLOSSARY_TERMS: tuple[str, ...] = tuple(
    key.removeprefix("glossary.").removesuffix(".term") for key in TEXT if key.endswith(".term")
)


def methodology_parts(markdown: str, lang: Lang) -> tuple[str, str]:
    """The methodology for readers, and its appendix for maintainers (from its heading on)."""
    heading = f"## {t('methodology.appendix', lang)}\n"
    at = markdown.find(heading)
    return (markdown, "") if at < 0 else (markdown[:at], markdown[at:])


def methodology_page(data: AppData, view: View, topojson_url: str = "") -> html.Div:
    lang = view.lang
    readers, maintainers = methodology_parts(data.methodology.get(lang, ""), lang)
    glossary = html.Dl(
        [
            item
            for term in GLOSSARY_TERMS
            for item in (
                html.Dt(t(f"glossary.{term}.term", lang), id=anchor(term)),
                html.Dd(t(f"glossary.{term}.text", lang)),
            )
        ],
        className="glossary",
    )
    today = data.calendar().last
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            header(
                data, view, as_of_text(data, today, lang), review_notice(data, today, lang), methodology_url
            ),
            notices(view),
            html.Div(
                [
                    html.P(
                        html.A(
                            t("nav.map", lang), href=map_url(View(period=today, lang=lang), data.calendar())
                        )
                    ),
                    html.H1(t("methodology.title", lang), className="methodology-title"),
                    guide_section(reading_guide(lang)),
                    dcc.Markdown(readers, className="methodology"),
                    html.H2(t("glossary.title", lang)),
                    glossary,
                    dcc.Markdown(maintainers, className="methodology methodology-appendix"),
                ],
                className="text-page",
            ),
            footer(lang),
        ],
        className="page",
        lang=lang,
    )


def data_changes_page(data: AppData, view: View, topojson_url: str = "") -> html.Div:
    """docs/data-changes.md: what each data release added, removed and corrected (in English)."""
    lang = view.lang
    today = data.calendar().last
    return html.Div(
        [
            dcc.Store(id=Id.LANG, data=lang),
            header(
                data, view, as_of_text(data, today, lang), review_notice(data, today, lang), data_changes_url
            ),
            notices(view),
            html.Div(
                [
                    html.P(html.A(t("nav.methodology", lang), href=methodology_url(view))),
                    dcc.Markdown(data.data_changes, className="methodology data-changes"),
                ],
                className="text-page",
                lang="en",
            ),
            footer(lang),
        ],
        className="page",
        lang=lang,
    )


def not_found_page(data: AppData, view: View, topojson_url: str = "") -> html.Div:
    return message_page(data, view.lang, "page.not_found")
