"""The static export's pages: one interactive page per exported period and language, and an index.

The export holds each year's last month and every month in which a principal partner changed
(`exported_periods`): the slides a briefing or an article needs, not all the months of the slider.

They open from disk or from any static host with no network: plotly.js, the topojson and the
embed's height script sit in the export's `assets/`, and the topojson is handed to plotly.js before
it looks for it (`window.PlotlyGeoAssets`), so it never fetches. Pure: these functions return text.
`static_path` is the one place that names the export's files.
"""

from __future__ import annotations

import json
from html import escape

import plotly.io as pio

from data.context import AppData
from data.describe import alt_text, credit_line
from data.i18n import LANGS, Lang, t
from data.period import Period
from data.view import View
from layouts.image import image_figure
from layouts.share import EMBED_MESSAGE
from layouts.theme import css_variables

PLOTLY_JS = "assets/plotly.min.js"
TOPOJSON_JS = "assets/topojson.js"
LABELS_JS = "assets/labels.js"  # places the map's labels for the screen it is shown on
EMBED_JS = "assets/embed.js"  # the live embed's script: tells a host page the height when framed
TOPOJSON_NAME = "africa_50m"  # the name plotly.js gives the topojson of an Africa-scoped 1:50m map

STYLE = """
body { margin: 0; font-family: var(--font); color: var(--text); }
main { max-width: 1240px; margin: 0 auto; padding: 10px 14px; }
nav { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 0.95rem; margin: 0 0 6px; }
a { color: var(--accent); }
.map { width: 100%; height: min(70vw, 620px); min-height: 320px; }
.summary, .credit { margin: 8px 0 0; }
.credit { color: var(--muted); font-size: 0.9rem; }
ul { columns: 2; }
"""


def static_path(lang: Lang, period: Period, ext: str) -> str:
    """A page or image of the export, relative to its root: `fr/2023-12.html`."""
    return f"{lang}/{period.token()}.{ext}"


def exported_periods(data: AppData) -> tuple[Period, ...]:
    """The months the export holds, in order: each year's last month and each turning month."""
    return tuple(sorted(set(data.calendar().year_ends()) | data.turning_periods()))


def topojson_script(topojson_text: str) -> str:
    """A script that gives plotly.js the topojson it would otherwise fetch."""
    topojson = json.loads(topojson_text)
    payload = json.dumps({TOPOJSON_NAME: topojson}, separators=(",", ":"))
    return f"window.PlotlyGeoAssets={{topojson:{payload}}};\n"


def _document(lang: Lang, title: str, body: str, depth: int, with_map: bool = True) -> str:
    up = "../" * depth
    scripts = "".join(
        f'<script src="{up}{script}"></script>\n' for script in (TOPOJSON_JS, PLOTLY_JS, LABELS_JS)
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{css_variables()}{STYLE}</style>\n"
        + (scripts if with_map else "")
        + f'</head>\n<body data-embed-message="{EMBED_MESSAGE}">\n<main>\n{body}\n</main>\n'
        f'<script src="{up}{EMBED_JS}"></script>\n</body>\n</html>\n'
    )


def period_page(data: AppData, view: View) -> str:
    """`<lang>/<period>.html`: the period's map with title, legend and credit, links to its neighbours."""
    lang, period = view.lang, view.period
    periods = exported_periods(data)
    at = periods.index(period)
    figure = image_figure(data, view)
    figure.update_layout(autosize=True)
    div = pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=False,
        div_id="map",
        default_width="100%",
        default_height="100%",
        config={"displaylogo": False, "scrollZoom": False, "responsive": True},
    )

    def link(target: Lang, shown: Period, ext: str) -> str:
        return "../" + static_path(target, shown, ext)

    links = [f'<a href="../index.html">{escape(t("export.index", lang))}</a>']
    if at > 0:
        earlier = periods[at - 1]
        links.append(f'<a href="{link(lang, earlier, "html")}" rel="prev">◀ {earlier.label(lang)}</a>')
    if at + 1 < len(periods):
        later = periods[at + 1]
        links.append(f'<a href="{link(lang, later, "html")}" rel="next">{later.label(lang)} ▶</a>')
    for other in LANGS:
        if other != lang:
            target = link(other, period, "html")
            links.append(f'<a href="{target}" hreflang="{other}" lang="{other}">{other.upper()}</a>')
    links.append(f'<a href="{link(lang, period, "png")}">PNG</a>')
    links.append(f'<a href="{link(lang, period, "svg")}">SVG</a>')
    described = escape(alt_text(data, view))
    body = (
        f'<nav aria-label="{escape(t("export.nav", lang))}">{" ".join(links)}</nav>\n'
        f'<div class="map" role="img" aria-label="{described}">{div}</div>\n'
        f'<p class="summary">{described}</p>\n'
        f'<p class="credit">{escape(t("credit", lang))}</p>'
    )
    return _document(lang, f"{t('app.title', lang)} — {period.label(lang)}", body, depth=1)


def index_page(data: AppData, lang: Lang = "en") -> str:
    """`index.html`: every exported period in both languages, with its image files."""
    calendar = data.calendar()
    sections = []
    for section_lang in LANGS:
        items = "".join(
            f'<li><a href="{static_path(section_lang, p, "html")}">{p.label(section_lang)}</a> '
            f'(<a href="{static_path(section_lang, p, "png")}">PNG</a>, '
            f'<a href="{static_path(section_lang, p, "svg")}">SVG</a>)</li>'
            for p in exported_periods(data)
        )
        heading = escape(t("app.title", section_lang))
        sections.append(f'<section lang="{section_lang}"><h2>{heading}</h2><ul>{items}</ul></section>')
    credit = escape(credit_line(data, lang))
    tagline = escape(t("app.tagline", lang, first=calendar.first.year))
    body = (
        f"<h1>{escape(t('app.title', lang))}</h1>\n<p>{tagline}</p>\n"
        + "\n".join(sections)
        + f'\n<p class="credit">{credit}</p>'
    )
    return _document(lang, t("app.title", lang), body, depth=0, with_map=False)
