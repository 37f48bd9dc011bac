"""The static export's pages: one page per language that steps through every month of the calendar,
small pages at the addresses of earlier exports that open it at their month, and an index with the
pictures of each year.

The month page carries everything it shows as JSON: the map's first figure (shapes included), the
dictionary-encoded months the live page steps through (`map_frames`, for a wide screen and for a
phone), each month's summary and changes, and each year's events with their sources. `assets/map.js`
writes a month into the drawn map as on the live page, and `assets/static.js` runs the slider and the
panel, writing every text with `textContent`.

The pages open from disk or from any static host with no network: plotly.js (the app's partial
bundle), the topojson and the scripts sit in the export's `assets/`, and the topojson is handed to
plotly.js before it looks for it (`window.PlotlyGeoAssets`), so it never fetches. Pure: these
functions return text. `static_path` and `picture_path` name the export's files.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape

import plotly.io as pio

from data.context import AppData
from data.describe import credit_line, period_summary, review_notice, source_labels
from data.i18n import LANGS, Lang, format_date, t
from data.period import Period
from data.presets import PRESETS
from data.schema import Confidence, Event
from data.state import Change
from data.view import ALIGNMENT_LENS, View
from layouts import theme
from layouts.legend import LegendEntry, legend
from layouts.map_figure import build_figure, map_arrays_for, map_frames
from layouts.share import EMBED_MESSAGE
from layouts.theme import css_variables

PLOTLY_JS = "assets/plotly.min.js"
TOPOJSON_JS = "assets/topojson.js"
LABELS_JS = "assets/labels.js"  # places the map's labels for the screen it is shown on
MAP_JS = "assets/map.js"  # writes a month into the drawn map, as on the live page
STATIC_JS = "assets/static.js"  # the slider, the address and the panel of the month page
EMBED_JS = "assets/embed.js"  # the live embed's script: tells a host page the height when framed
SCRIPTS = (TOPOJSON_JS, PLOTLY_JS, LABELS_JS, MAP_JS, STATIC_JS, EMBED_JS)
TOPOJSON_NAME = "africa_50m"  # the name plotly.js gives the topojson of an Africa-scoped 1:50m map
DATA_ID = "sahel-data"  # the month page's JSON
THUMBNAIL_PRESET = "wide"  # a fixed size, the map at its largest

STYLE = """
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: var(--font); color: var(--text); line-height: 1.4; }
main { max-width: 1240px; margin: 0 auto; padding: 10px 14px; }
h1 { font-size: 1.4rem; margin: 4px 0; }
h2 { font-size: 1.05rem; margin: 14px 0 4px; }
nav { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 0.95rem; margin: 0 0 6px; }
a { color: var(--accent); overflow-wrap: anywhere; }
.controls { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 6px 0; }
.controls input { flex: 1 1 200px; min-width: 0; }
.controls button { font: inherit; min-width: 44px; min-height: 44px; }
#year-display { font-size: 1.3rem; font-weight: bold; min-width: 10ch; }
#review-notice { margin: 2px 0; font-weight: bold; }
#review-notice:empty { display: none; }
.map { width: 100%; height: min(70vw, 620px); min-height: 340px; }
#graph { width: 100%; height: 100%; }
@media (max-width: 700px) { .map { height: 66vw; min-height: 240px; } }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; padding: 0; margin: 6px 0;
  font-size: 0.9rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid var(--swatch-border); }
.swatch-changed { border: 3px solid var(--text); background: transparent; }
.swatch-line { display: inline-block; width: 22px; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 28px; }
@media (max-width: 700px) { .columns { grid-template-columns: minmax(0, 1fr); } }
ul, ol { padding-left: 1.2em; }
.date { color: var(--muted); margin-right: 6px; }
.events li { margin: 0 0 10px; }
.event-title { display: block; }
.event-summary, .sources { margin: 2px 0; }
.sources, .source-detail, .muted { color: var(--muted); font-size: 0.9rem; }
.confidence { font-weight: normal; font-size: 0.85rem; border: 1px solid var(--muted); padding: 0 4px; }
.credit { color: var(--muted); font-size: 0.9rem; margin: 8px 0 0; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px;
  list-style: none; padding: 0; }
.grid img { display: block; width: 100%; height: auto; border: 1px solid var(--line); }
.grid a { text-decoration: none; }
.grid span { display: block; text-align: center; text-decoration: underline; }
.grid small { display: block; text-align: center; }
"""


def static_path(lang: Lang, period: Period, ext: str) -> str:
    """A page of the export, relative to its root: `fr/2023-12.html`."""
    return f"{lang}/{period.token()}.{ext}"


def picture_path(lang: Lang, period: Period, preset: str) -> str:
    """A picture of the export: `fr/2023-12-wide.png`."""
    return f"{lang}/{period.token()}-{preset}.png"


def months_path(lang: Lang) -> str:
    """The page that steps through every month: `fr/index.html`."""
    return f"{lang}/index.html"


def exported_periods(data: AppData) -> tuple[Period, ...]:
    """The months earlier exports had a page for, in order: each year's last month and each turning
    month. Their addresses stay, each opening the month page at its month."""
    return tuple(sorted(set(data.calendar().year_ends()) | data.turning_periods()))


def picture_periods(data: AppData) -> tuple[Period, ...]:
    """The months the export draws pictures of: each year's last month (the month under way for the
    current year)."""
    return data.calendar().year_ends()


def topojson_script(topojson_text: str) -> str:
    """A script that gives plotly.js the topojson it would otherwise fetch."""
    topojson = json.loads(topojson_text)
    payload = json.dumps({TOPOJSON_NAME: topojson}, separators=(",", ":"))
    return f"window.PlotlyGeoAssets={{topojson:{payload}}};\n"


def _json_script(value: object) -> str:
    """JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _document(
    lang: Lang, title: str, body: str, depth: int, scripts: tuple[str, ...] = (), head: str = ""
) -> str:
    up = "../" * depth
    tags = "".join(f'<script src="{up}{script}"></script>\n' for script in scripts)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n{head}<style>{css_variables()}{STYLE}</style>\n"
        f'</head>\n<body data-embed-message="{EMBED_MESSAGE}">\n<main>\n{body}\n</main>\n'
        f"{tags}</body>\n</html>\n"
    )


def _changes(data: AppData, changes: tuple[Change, ...], lang: Lang) -> list[list[str]]:
    """Each change as the panel writes it: [date, "Mali: French forces → Russian forces"]."""
    return [
        [
            format_date(change.on, lang),
            t(
                "panel.change",
                lang,
                country=data.shapes.name(change.country, lang),
                before=t(f"alignment.{change.before.value}", lang),
                after=t(f"alignment.{change.after.value}", lang),
            ),
        ]
        for change in changes
    ]


def _event(data: AppData, event: Event, lang: Lang) -> dict[str, object]:
    """An event as the panel shows it: date, title (with its confidence when not confirmed), summary,
    and its sources, those of record first."""
    confidence = (
        None
        if event.confidence == Confidence.CONFIRMED
        else [
            t(f"confidence.{event.confidence.value}", lang),
            t(f"confidence.{event.confidence.value}_help", lang),
        ]
    )
    return {
        "id": event.id,
        "date": format_date(event.date, lang, event.date_precision),
        "title": getattr(event, f"title_{lang}"),
        "confidence": confidence,
        "summary": getattr(event, f"summary_{lang}"),
        "sources": [
            {"text": s.text, "detail": s.detail, "url": s.url, "title": s.title}
            for s in source_labels(data, event.source_ids, lang)
        ],
    }


def page_data(data: AppData, lang: Lang) -> dict[str, object]:
    """Everything the month page shows, for `assets/static.js`."""
    calendar = data.calendar()
    last = calendar.last
    view = View(period=last, lang=lang)
    figure = build_figure(data.shapes, map_arrays_for(data, view, draw_every_base=True))
    figure.update_layout(autosize=True)
    months = {}
    for period in calendar:
        months[str(period.slider_value())] = {
            "token": period.token(),
            "summary": period_summary(data, period, lang),
            "month_title": t("panel.month_changes_title", lang, period=period.label(lang)),
            "month": _changes(data, data.changes(period), lang),
            "year_title": t("panel.year_changes_title", lang, year=period.year),
            "year": _changes(data, data.year_changes(period), lang),
        }
    ends = {str(p.year): p for p in picture_periods(data)}
    years = {
        str(year): {
            "title": t("panel.events_title", lang, period=year),
            "events": [
                _event(data, e, lang)
                for e in data.dataset.events_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
            ],
            "pictures_title": t("export.pictures", lang, year=year),
            "pictures": [
                [t(f"export.preset.{name}", lang), picture_path(lang, ends[str(year)], name).split("/", 1)[1]]
                for name in PRESETS
            ],
        }
        for year in calendar.years()
    }
    return {
        "lang": lang,
        "first": calendar.first.slider_value(),
        "last": last.slider_value(),
        "compact_below": theme.COMPACT_MAX_WIDTH,
        "figure": json.loads(pio.to_json(figure)),
        "config": {"displaylogo": False, "scrollZoom": False, "responsive": True},
        "frames": {
            "wide": map_frames(data, view),
            "compact": map_frames(data, view, compact=True),
        },
        "months": months,
        "years": years,
        "texts": {
            "no_month": t("panel.no_change_month", lang),
            "no_year": t("panel.no_change", lang),
            "no_events": t("panel.no_events", lang),
            "sources": t("panel.sources", lang),
        },
    }


def _legend_html(data: AppData, lang: Lang) -> str:
    model = legend(data.dataset, ALIGNMENT_LENS, lang)

    def item(entry: LegendEntry) -> str:
        if entry.glyph:
            colour = f' style="color:{theme.base_colour_css(entry.operator)}"' if entry.operator else ""
            key = f'<span aria-hidden="true"{colour}>{escape(entry.glyph)}</span>'
        elif entry.outline:
            key = '<span class="swatch swatch-changed"></span>'
        elif entry.line:
            _, _, dash = theme.ALLIANCE_LINES[entry.line]
            border = f"2px {'dashed' if dash == 'dash' else 'dotted'} var(--alliance-{entry.line.lower()})"
            key = f'<span class="swatch-line" style="border-top:{border}"></span>'
        else:
            key = (
                f'<span class="swatch" style="background:{theme.class_colour_css(entry.klass or "")}"></span>'
            )
        return f"<li>{key}<span>{escape(entry.label)}</span></li>"

    entries = "".join(item(e) for e in model.entries)
    bases = "".join(item(e) for e in model.bases)
    return (
        f'<ul class="legend" aria-label="{escape(model.title)}">{entries}</ul>\n'
        f'<ul class="legend" aria-label="{escape(model.bases_title)}">{bases}</ul>'
    )


def months_page(data: AppData, lang: Lang) -> str:
    """`<lang>/index.html`: the map of every month, a slider to step through them, the month's
    summary and changes, and the year's events with their sources. It opens at the month its
    address names (`#2023-08` or `?date=2023-08`), else at the month under way."""
    last = data.calendar().last
    first = data.calendar().first
    links = [f'<a href="../index.html">{escape(t("export.index", lang))}</a>']
    for other in LANGS:
        if other != lang:
            links.append(
                f'<a href="../{months_path(other)}" hreflang="{other}" lang="{other}" '
                f'data-keeps-month="1">{other.upper()}</a>'
            )
    controls = (
        f'<button type="button" id="static-prev" aria-label="{escape(t("year.prev", lang))}">◀</button>'
        f'<input type="range" id="static-slider" min="{first.slider_value()}" max="{last.slider_value()}" '
        f'step="1" value="{last.slider_value()}" aria-label="{escape(t("year.label", lang))}" '
        f'aria-valuetext="{escape(last.label(lang))}">'
        f'<button type="button" id="static-next" aria-label="{escape(t("year.next", lang))}">▶</button>'
        f'<output id="year-display" for="static-slider">{escape(last.label(lang))}</output>'
    )
    panel = (
        '<div class="columns">\n<section>\n'
        f"<h2>{escape(t('panel.summary_title', lang))}</h2>\n"
        f'<p id="summary">{escape(period_summary(data, last, lang))}</p>\n'
        '<h2 id="month-title"></h2>\n<div id="month-changes"></div>\n'
        '<h2 id="year-title"></h2>\n<div id="year-changes"></div>\n'
        '<h2 id="pictures-title"></h2>\n<nav id="pictures"></nav>\n'
        '</section>\n<section>\n<h2 id="events-title"></h2>\n<div id="events"></div>\n</section>\n</div>'
    )
    body = (
        f"<h1>{escape(t('app.title', lang))}</h1>\n"
        f'<nav aria-label="{escape(t("export.nav", lang))}">{" ".join(links)}</nav>\n'
        f'<div class="controls">{controls}</div>\n'
        f'<p id="review-notice">{escape(review_notice(data, last, lang))}</p>\n'
        '<div id="map" class="map"><div id="graph"></div></div>\n'
        f"{_legend_html(data, lang)}\n{panel}\n"
        f'<p class="credit">{escape(credit_line(data, lang))}</p>\n'
        f'<script type="application/json" id="{DATA_ID}">{_json_script(page_data(data, lang))}</script>'
    )
    title = f"{t('app.title', lang)} — {t('export.months', lang)}"
    return _document(lang, title, body, depth=1, scripts=SCRIPTS)


def period_page(data: AppData, view: View) -> str:
    """`<lang>/<period>.html`, the address of an earlier export's page: opens the month page at its
    month (published embeds and links point here)."""
    lang, period = view.lang, view.period
    target = f"index.html#{period.token()}"
    head = f'<meta http-equiv="refresh" content="0; url={target}">\n<link rel="canonical" href="{target}">\n'
    body = f'<p><a href="{target}">{escape(t("export.moved", lang, period=period.label(lang)))}</a></p>'
    return _document(lang, f"{t('app.title', lang)} — {period.label(lang)}", body, depth=1, head=head)


def index_page(data: AppData, lang: Lang = "en") -> str:
    """`index.html`: the month page in each language, and each year's picture, linking to its month."""
    calendar = data.calendar()
    preset = PRESETS[THUMBNAIL_PRESET]
    sections = []
    for section_lang in LANGS:
        items = []
        for period in picture_periods(data):
            src = picture_path(section_lang, period, THUMBNAIL_PRESET)
            href = f"{months_path(section_lang)}#{period.token()}"
            items.append(
                f'<li><a href="{href}"><img src="{src}" width="{preset.width}" height="{preset.height}" '
                f'loading="lazy" alt=""><span>{period.year}</span></a>'
                f"<small>{escape(period.label(section_lang))}</small></li>"
            )
        heading = escape(t("export.months", section_lang))
        sections.append(
            f'<section lang="{section_lang}"><h2><a href="{months_path(section_lang)}">{heading}</a></h2>'
            f"<h3>{escape(t('export.years', section_lang))}</h3>"
            f'<ul class="grid">{"".join(items)}</ul></section>'
        )
    credit = escape(credit_line(data, lang))
    tagline = escape(t("app.tagline", lang, first=calendar.first.year))
    body = (
        f"<h1>{escape(t('app.title', lang))}</h1>\n<p>{tagline}</p>\n"
        + "\n".join(sections)
        + f'\n<p class="credit">{credit}</p>'
    )
    return _document(lang, t("app.title", lang), body, depth=0, scripts=(EMBED_JS,))
