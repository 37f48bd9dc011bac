"""One view as a picture, a sentence and a table: what a journalist publishes.

The picture is the map figure with its title, legend, as-of date and source credit baked in, so it
carries them wherever it is pasted. `snapshot_layout` is that addition alone; the server renders it
with kaleido and the browser-side download merges the same layout into the map it already shows.

Pure: no kaleido, no Flask. `parse_snapshot` turns a request's path and query into a
`SnapshotRequest` or a list of messages for an HTTP 400.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from data.state import partner_level
from geodata.names import FOCUS
from layouts import theme
from layouts.context import AppData
from layouts.i18n import format_date, join_words, parse_lang, t
from layouts.map_figure import build_figure, partner_name, plotly_text
from layouts.page import map_arrays_for
from layouts.summary import year_summary
from layouts.url_state import ALIGNMENT_LENS, LENSES, ViewState, to_query

FORMATS = ("png", "svg", "txt", "csv")
IMAGE_FORMATS = ("png", "svg")
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}
WIDTH = (320, 4000, 1200)  # min, max, default (px)
HEIGHT = (240, 3000, 540)
SCALE = (0.5, 4.0, 1.0)
MAX_PIXELS = 12_000_000  # width × height × scale²: 12 megapixels at most
MAP_DOMAIN_X = (0.0, 0.76)  # the legend takes the right-hand column


@dataclass(frozen=True)
class SnapshotRequest:
    view: ViewState
    fmt: str
    width: int = WIDTH[2]
    height: int = HEIGHT[2]
    scale: float = SCALE[2]

    def key(self) -> tuple:
        """What makes two images the same (the cache key)."""
        v = self.view
        return (self.fmt, v.year, v.lang, v.lens, v.country, v.bases, self.width, self.height, self.scale)

    def filename(self) -> str:
        parts = ["sahel", str(self.view.year), self.view.lang]
        if self.view.lens != ALIGNMENT_LENS:
            parts.append(self.view.lens.lower())
        if self.view.country:
            parts.append(self.view.country.lower())
        return "-".join(parts) + "." + self.fmt


def _number(raw: str | None, name: str, bounds: tuple, kind: type, errors: list[str]) -> float:
    low, high, default = bounds
    if raw is None:
        return default
    try:
        value = kind(raw.strip())
    except ValueError:
        errors.append(f"{name}: “{raw[:40]}” is not a number")
        return default
    if not low <= value <= high:  # also rejects NaN
        errors.append(f"{name}: {raw[:40]} is out of range ({low} to {high})")
        return default
    return value


def parse_snapshot(name: str, args: Mapping[str, str], years: range) -> SnapshotRequest | list[str]:
    """`2023.png` + `{"lang": "fr", "width": "800"}` -> a request, or every problem found."""
    errors: list[str] = []
    stem, _, fmt = name.rpartition(".")
    if fmt not in FORMATS:
        errors.append(f"format: “{fmt[:40]}” is not one of {', '.join(FORMATS)}")
    year = years[-1]
    if stem.isascii() and stem.isdigit() and int(stem) in years:
        year = int(stem)
    else:
        errors.append(f"year: “{stem[:40]}” is not a year from {years[0]} to {years[-1]}")
    lang = parse_lang((args.get("lang") or "en").strip().lower())
    if lang is None:
        errors.append(f"lang: “{args['lang'][:40]}” is not en or fr")
    lens = ALIGNMENT_LENS
    if args.get("lens"):
        lens = next((name for name in LENSES if name.lower() == args["lens"].strip().lower()), "")
        if not lens:
            errors.append(f"lens: “{args['lens'][:40]}” is not one of {', '.join(LENSES)}")
    country = None
    if args.get("country"):
        country = args["country"].strip().upper()
        if country not in FOCUS:
            errors.append(f"country: “{args['country'][:40]}” is not one of {', '.join(FOCUS)}")
    bases = (args.get("bases") or "1").strip()
    if bases not in ("0", "1"):
        errors.append(f"bases: “{bases[:40]}” is not 0 or 1")
    width = int(_number(args.get("width"), "width", WIDTH, int, errors))
    height = int(_number(args.get("height"), "height", HEIGHT, int, errors))
    scale = float(_number(args.get("scale"), "scale", SCALE, float, errors))
    if width * height * scale * scale > MAX_PIXELS:
        errors.append(f"width × height × scale² is more than {MAX_PIXELS} pixels")
    if errors:
        return errors
    view = ViewState(year=year, lang=lang or "en", country=country, lens=lens, bases=bases == "1")
    return SnapshotRequest(view=view, fmt=fmt, width=width, height=height, scale=scale)


def credit_line(data: AppData, view: ViewState) -> str:
    """“Source: Sahel Realignment Map (454 cited sources) — data as of 31 December 2023”."""
    return t(
        "share.credit",
        view.lang,
        app=t("app.title", view.lang),
        sources=len(data.dataset.sources),
        date=format_date(data.as_of(view.year), view.lang),
    )


def _legend_text(data: AppData, view: ViewState) -> str:
    lang = view.lang

    def row(colour_key: str, text: str) -> str:
        colour = theme.ALIGNMENT_COLOURS[colour_key]
        return f"<span style='color:{colour}'>■</span> {text}"

    if view.lens == ALIGNMENT_LENS:
        title = t("legend.title", lang)
        rows = [row(name, t(f"alignment.{name}", lang)) for name in theme.ALIGNMENT_LEGEND]
        rows.append("▭ " + t("legend.changed_short", lang))
    else:
        title = t("lens.legend_title", lang, partner=plotly_text(partner_name(data.dataset, view.lens, lang)))
        rows = [row(f"level{level}", t(f"lens.level{level}", lang)) for level in theme.LENS_COLOURS]
    if view.bases:
        marks = {"FRA": "□", "RUS": "◇", "USA": "△", "UN": "○"}
        rows.append("")
        rows.append(f"<b>{t('bases.legend', lang)}</b>")
        rows += [
            f"{marks[code]} {plotly_text(partner_name(data.dataset, code, lang))}"
            for code in theme.BASE_STYLES
        ]
        rows.append(f"✚ {t('bases.other', lang)}")
    return f"<b>{title}</b><br>" + "<br>".join(rows)


def snapshot_layout(data: AppData, view: ViewState) -> dict:
    """The layout a published image adds to the map: title, legend, credit, full framing."""
    lang = view.lang
    title = f"{t('app.title', lang)} — " + t(
        "map.title", lang, year=view.year, date=format_date(data.as_of(view.year), lang)
    )
    if view.country:
        title += f" — {data.shapes.name(view.country, lang)}"
    annotations = [
        {
            "text": _legend_text(data, view),
            "xref": "paper",
            "yref": "paper",
            "x": MAP_DOMAIN_X[1] + 0.02,
            "y": 0.98,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": 13, "color": theme.TEXT_COLOUR},
        },
        {
            "text": credit_line(data, view),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "yshift": -12,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": 12, "color": theme.MUTED_TEXT},
        },
    ]
    return {
        "title": {"text": title, "x": 0.01, "xanchor": "left", "font": {"size": 18}},
        "annotations": annotations,
        "margin": {"l": 8, "r": 8, "t": 48, "b": 40},
        "geo": {
            "domain": {"x": list(MAP_DOMAIN_X), "y": [0, 1]},
            "lonaxis": {"range": list(theme.LON_RANGE)},
            "lataxis": {"range": list(theme.LAT_RANGE)},
        },
    }


def snapshot_figure(data: AppData, view: ViewState) -> go.Figure:
    figure = build_figure(data.shapes, map_arrays_for(data, view))
    figure.update_layout(snapshot_layout(data, view))
    return figure


def alt_text(data: AppData, view: ViewState) -> str:
    """One sentence for the image's alt attribute: what the map shows, in words."""
    lang = view.lang
    on = data.as_of(view.year)
    states = data.states(view.year)
    if view.lens == ALIGNMENT_LENS:
        what = year_summary(data.shapes, states, view.year, on, lang)
    else:
        groups: dict[int, list[str]] = {}
        for code in FOCUS:
            level = partner_level(states[code].active, code, view.lens, on)
            groups.setdefault(level, []).append(data.shapes.name(code, lang))
        parts = [
            t("summary.group", lang, label=t(f"lens.level{level}", lang), countries=join_words(names, lang))
            for level, names in sorted(groups.items(), reverse=True)
        ]
        what = t(
            "share.alt_lens",
            lang,
            partner=partner_name(data.dataset, view.lens, lang),
            date=format_date(on, lang),
            groups=". ".join(parts),
        )
    sentence = t("share.alt_intro", lang) + " " + what
    if view.country:
        sentence += " " + t("share.alt_selected", lang, country=data.shapes.name(view.country, lang))
    return sentence + " " + credit_line(data, view) + "."


def view_csv(data: AppData, view: ViewState) -> str:
    """The partnerships behind the view: one row per focus country and active partner."""
    lang = view.lang
    on = data.as_of(view.year)
    states = data.states(view.year)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["as_of", "country", "country_name", "colour", "partner", "partner_name", "level", "partnership",
         "start_date", "end_date", "source_ids"]
    )  # fmt: skip
    for code in FOCUS:
        if view.country and code != view.country:
            continue
        state = states[code]
        colour = t(f"alignment.{state.alignment.value}", lang)
        rows = state.active or (None,)
        for p in rows:
            writer.writerow(
                [on.isoformat(), code, data.shapes.name(code, lang), colour]
                + (
                    [p.partner, partner_name(data.dataset, p.partner, lang), int(p.level),
                     getattr(p, f"name_{lang}"), p.start_date.isoformat(),
                     p.end_date.isoformat() if p.end_date else "", ";".join(p.source_ids)]
                    if p is not None
                    else ["", "", "", "", "", "", ""]
                )
            )  # fmt: skip
    return out.getvalue()


def full_view_path(data: AppData, view: ViewState) -> str:
    """The main map's address for a view (relative to the site)."""
    return "/" + to_query(view, data.years())
