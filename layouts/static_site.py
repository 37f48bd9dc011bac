"""The static export's pages: one interactive page per year and language, and an index.

They open from disk or from any static host with no network: plotly.js and the topojson sit in the
export's `assets/`, and the topojson is handed to plotly.js before it looks for it
(`window.PlotlyGeoAssets`), so it never fetches. Pure: these functions return text.
"""

from __future__ import annotations

import json
from html import escape

import plotly.io as pio

from layouts.context import AppData
from layouts.i18n import LANGS, Lang, t
from layouts.share import EMBED_MESSAGE
from layouts.snapshot import alt_text, credit_line, snapshot_figure
from layouts.url_state import ViewState

PLOTLY_JS = "assets/plotly.min.js"
TOPOJSON_JS = "assets/topojson.js"
TOPOJSON_NAME = "africa_50m"  # the name plotly.js gives the topojson of an Africa-scoped 1:50m map

STYLE = """
body { margin: 0; font-family: Inter, "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; }
main { max-width: 1240px; margin: 0 auto; padding: 10px 14px; }
nav { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 0.95rem; margin: 0 0 6px; }
a { color: #0072b2; }
.map { width: 100%; height: min(70vw, 620px); min-height: 320px; }
.summary, .credit { margin: 8px 0 0; }
.credit { color: #5f5f5f; font-size: 0.9rem; }
ul { columns: 2; }
"""

# Tells a host page the height when framed (like the live embed; see the README).
HEIGHT_SCRIPT = (
    "(function(){if(window.parent===window||typeof ResizeObserver==='undefined')return;var last=0;"
    "new ResizeObserver(function(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);"
    f"if(h!==last){{last=h;window.parent.postMessage({{type:'{EMBED_MESSAGE}',height:h}},'*');}}}})"
    ".observe(document.documentElement);})();"
)


def topojson_script(topojson_text: str) -> str:
    """A script that gives plotly.js the topojson it would otherwise fetch."""
    topojson = json.loads(topojson_text)
    payload = json.dumps({TOPOJSON_NAME: topojson}, separators=(",", ":"))
    return f"window.PlotlyGeoAssets={{topojson:{payload}}};\n"


def _document(lang: Lang, title: str, body: str, depth: int, with_map: bool = True) -> str:
    up = "../" * depth
    scripts = f'<script src="{up}{TOPOJSON_JS}"></script>\n<script src="{up}{PLOTLY_JS}"></script>\n'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n"
        + (scripts if with_map else "")
        + f"</head>\n<body>\n<main>\n{body}\n</main>\n<script>{HEIGHT_SCRIPT}</script>\n</body>\n</html>\n"
    )


def year_page(data: AppData, view: ViewState) -> str:
    """`<lang>/<year>.html`: the year's map with title, legend and credit, links to its neighbours."""
    lang, year = view.lang, view.year
    years = data.years()
    figure = snapshot_figure(data, view)
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
    links = [f'<a href="../index.html">{escape(t("export.index", lang))}</a>']
    if year - 1 in years:
        links.append(f'<a href="{year - 1}.html" rel="prev">◀ {year - 1}</a>')
    if year + 1 in years:
        links.append(f'<a href="{year + 1}.html" rel="next">{year + 1} ▶</a>')
    for other in LANGS:
        if other != lang:
            links.append(
                f'<a href="../{other}/{year}.html" hreflang="{other}" lang="{other}">{other.upper()}</a>'
            )
    links.append(f'<a href="{year}.png">PNG</a>')
    links.append(f'<a href="{year}.svg">SVG</a>')
    body = (
        f'<nav aria-label="{escape(t("export.nav", lang))}">{" ".join(links)}</nav>\n'
        f'<div class="map" role="img" aria-label="{escape(alt_text(data, view))}">{div}</div>\n'
        f'<p class="summary">{escape(alt_text(data, view))}</p>\n'
        f'<p class="credit">{escape(t("credit", lang))}</p>'
    )
    return _document(lang, f"{t('app.title', lang)} — {year}", body, depth=1)


def index_page(data: AppData, lang: Lang = "en") -> str:
    """`index.html`: every year in both languages, with its image files."""
    years = data.years()
    sections = []
    for section_lang in LANGS:
        items = "".join(
            f'<li><a href="{section_lang}/{year}.html">{year}</a> '
            f'(<a href="{section_lang}/{year}.png">PNG</a>, <a href="{section_lang}/{year}.svg">SVG</a>)</li>'
            for year in years
        )
        heading = escape(t("app.title", section_lang))
        sections.append(f'<section lang="{section_lang}"><h2>{heading}</h2><ul>{items}</ul></section>')
    credit = escape(credit_line(data, ViewState(year=years[-1], lang=lang)))
    body = (
        f"<h1>{escape(t('app.title', lang))}</h1>\n<p>{escape(t('app.tagline', lang))}</p>\n"
        + "\n".join(sections)
        + f'\n<p class="credit">{credit}</p>'
    )
    return _document(lang, t("app.title", lang), body, depth=0, with_map=False)
