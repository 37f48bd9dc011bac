"""How to read the map: five plain sentences from the translation table (`guide.*`), shown at the
top of the methodology page and behind the "?" beside the map page's legend, which
`assets/legend.js` opens and closes."""

from __future__ import annotations

from dataclasses import dataclass

from dash import html

from data.i18n import Lang, t
from layouts.ids import Id

GUIDE_KEYS: tuple[str, ...] = ("guide.colour", "guide.date", "guide.outline", "guide.sources", "guide.limits")


@dataclass(frozen=True)
class ReadingGuide:
    title: str
    sentences: tuple[str, ...]
    more: str  # the link to the full methodology
    href: str


def reading_guide(lang: Lang, href: str = "") -> ReadingGuide:
    """What a colour means, what the date is, what the outline means, where the sources are, what
    the map cannot show."""
    return ReadingGuide(
        t("guide.title", lang), tuple(t(key, lang) for key in GUIDE_KEYS), t("guide.more", lang), href
    )


def guide_list(guide: ReadingGuide) -> html.Ul:
    return html.Ul([html.Li(sentence) for sentence in guide.sentences], className="reading-guide-list")


def guide_section(guide: ReadingGuide) -> html.Section:
    """The guide at the top of the methodology page."""
    return html.Section(
        [html.H2(guide.title), guide_list(guide)], id=Id.GUIDE_SECTION, className="reading-guide-section"
    )


def guide_popover(guide: ReadingGuide) -> list:
    """The "?" button and what it discloses: the guide and a link to the full methodology. The
    button says whether it is open (`aria-expanded`); the page's CSS hides the guide until
    `assets/legend.js` marks the legend `guide-open`."""
    return [
        html.Button(
            "?",
            id=Id.GUIDE_TOGGLE,
            className="guide-toggle",
            type="button",
            title=guide.title,
            **{"aria-label": guide.title, "aria-expanded": "false", "aria-controls": Id.GUIDE},
        ),
        html.Div(
            [
                html.P(guide.title, className="reading-guide-title"),
                guide_list(guide),
                html.P(html.A(guide.more, href=guide.href), className="reading-guide-more"),
            ],
            id=Id.GUIDE,
            className="reading-guide",
            role="region",
            **{"aria-label": guide.title},
        ),
    ]
