"""The map: one choropleth trace (an integer class per country), labels, and the bases layer.

`map_arrays` computes everything that changes with the view (year, lens, selected country, bases);
`build_figure` draws it once with the shapes. Later changes send only the arrays (a `dash.Patch`),
never the shapes again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from dash import Patch

from data.alliances import OutlineLine
from data.context import AppData
from data.describe import review_notice, status_text
from data.i18n import Lang, format_date, t
from data.loader import Dataset
from data.period import Period
from data.schema import Base
from data.sites import COMPACT_NEAR_DEGREES, NEAR_DEGREES, SitePoint, site_points, visible_points
from data.state import Change, CountryState, partner_level, recent_coup
from data.view import ALIGNMENT_LENS, View
from geodata.shapes import Shapes
from layouts import theme
from layouts.palette import label_colour
from layouts.text import plotly_text

LINE_WIDTH = 0.8
CHANGED_LINE_WIDTH = 3.5
SELECTED_LINE_WIDTH = 3.5
SELECTED_GROW = 0.12  # degrees: the selection's line runs this far outside the country's border
DIMMED_BASE = 0.3  # opacity of another partner's base under a partner lens


@dataclass(frozen=True)
class MapArrays:
    """Per-country values for one view, in the shapes' order, and the bases to draw."""

    locations: list[str]
    z: list[int]
    line_width: list[float]
    line_colour: list[str]
    hover: list[str]
    label_lon: list[float]
    label_lat: list[float]
    labels: list[str]
    label_sizes: list[int]
    label_colours: list[str]
    title: str
    base_lon: list[float | None]  # every base of the data, in one order; None where not drawn
    base_lat: list[float | None]
    base_hover: list[str]
    base_symbols: list[str]
    base_text: list[str]  # the count on a marker of several bases at one place
    base_sizes: list[int]
    base_colours: list[str]  # each operator's outline (its dark on the lens); several: the text's
    base_visible: list[bool]  # in use on the view's date
    base_opacity: list[float]  # under a partner lens, the other partners' bases are dimmed
    show_bases: bool = True
    base_text_size: int = 11  # the count on a marker of several bases
    outlines: tuple[OutlineLine, ...] = ()  # every alliance outline of the data, in one order
    outline_visible: tuple[bool, ...] = ()  # shown on the view's date
    selected_line: tuple[list[float | None], list[float | None]] = ([], [])  # around the selected country
    selected_width: float = SELECTED_LINE_WIDTH
    lon_range: tuple[float, float] = theme.LON_RANGE
    lat_range: tuple[float, float] = theme.LAT_RANGE


def base_hover(dataset: Dataset, base: Base, first: Period, lang: Lang) -> str:
    start = (
        format_date(base.start_date, lang, base.start_precision)
        if base.start_date
        else t("base.before", lang, first=first.year)
    )
    end = format_date(base.end_date, lang, base.end_precision) if base.end_date else t("base.open", lang)
    operator = plotly_text(dataset.partner_name(base.operator, lang))
    return f"<b>{plotly_text(base.name)}</b><br>{operator}<br>{start} – {end}"


def point_hover(dataset: Dataset, bases: Sequence[Base], point: SitePoint, first: Period, lang: Lang) -> str:
    """A marker's hover: its base, or every base in use together at the place, each with its dates."""
    parts = [base_hover(dataset, bases[i], first, lang) for i in point.members]
    if not point.together:
        return parts[0]
    heading = t("base.together", lang, count=len(point.members))
    return f"<b>{heading}</b><br>" + "<br>".join(
        part.replace("<b>", "").replace("</b>", "") for part in parts
    )


def map_arrays(
    shapes: Shapes,
    dataset: Dataset,
    states: Mapping[str, CountryState],
    changes: Sequence[Change],
    period: Period,
    on: dt.date,
    lang: Lang,
    *,
    lens: str = ALIGNMENT_LENS,
    selected: str | None = None,
    bases: Sequence[Base] = (),
    first: Period | None = None,
    show_bases: bool = True,
    compact: bool = False,
    draw_every_base: bool = False,
    outlined: Collection[str] | None = None,
    outlines: Sequence[OutlineLine] = (),
    outlines_shown: Collection[str] = (),
    draw_every_outline: bool = False,
) -> MapArrays:
    """Per-country values; `compact` (phones) keeps labels to the focus countries' names.

    `bases` are every base of the data; those not in use on `on` are left undrawn (no position),
    unless `draw_every_base`, for a map that shows and hides them itself as the date moves (as
    `draw_every_outline` does for the alliances' outlines, of which `outlines_shown` are shown).
    `outlined` replaces the period's changes as the countries outlined (two dates compared: those
    that differ), with no "changed in" line on their labels."""
    changed = {c.country for c in changes} if outlined is None else set(outlined)
    rows = shapes.rows
    z, widths, colours, hover, labels, sizes, label_colours = [], [], [], [], [], [], []
    for row in rows:
        name = plotly_text(getattr(row, f"name_{lang}"))
        state: CountryState | None = states.get(row.id)
        if state is None:
            z.append(theme.CLASS_ORDER.index(theme.CONTEXT))
            widths.append(LINE_WIDTH)
            colours.append(theme.BORDER)
            hover.append(f"<b>{name}</b><br>{t('alignment.context', lang)}")
            labels.append("" if compact else name)
            sizes.append(11)
            label_colours.append(theme.MUTED_TEXT)
            continue
        if lens == ALIGNMENT_LENS:
            klass = state.alignment.value
            class_text = plotly_text(status_text(dataset, state, lang))
        else:
            level = partner_level(state.active, row.id, lens, on)
            klass = theme.lens_class(lens, level)
            class_text = f"{plotly_text(dataset.partner_name(lens, lang))}: {t(f'lens.level{level}', lang)}"
        z.append(theme.CLASS_ORDER.index(klass))
        is_changed = (lens == ALIGNMENT_LENS or outlined is not None) and row.id in changed
        # The selection is a line of its own outside the border (`selected_line`), so a selected
        # country that changed keeps its changed outline too.
        widths.append(CHANGED_LINE_WIDTH if is_changed else LINE_WIDTH)
        colours.append(theme.CHANGED_BORDER if is_changed else theme.BORDER)
        # A short hover: the panel has the rest, a click away.
        hover.append(f"<b>{name}</b><br>{class_text}<br><i>{t('hover.details', lang)}</i>")
        label = f"<b>{name.upper()}</b>"
        if not compact:
            # Lines go from the end when they do not fit: the coup's badge (shown for the year
            # after a coup, and said nowhere else on the map) before the status the colour says.
            coup = recent_coup(dataset.events, row.id, on)
            if coup is not None:
                label += f"<br>✖ {t('label.coup', lang, date=format_date(coup.date, lang, 'month'))}"
            label += f"<br>{class_text}"
            if is_changed and outlined is None:
                label += f"<br><i>{t('label.changed', lang, period=period.month_of().label(lang))}</i>"
        labels.append(label)
        sizes.append(12 if compact else 16)
        label_colours.append(label_colour(theme.ALIGNMENT_COLOURS[klass]))
    points = site_points(bases, COMPACT_NEAR_DEGREES if compact else NEAR_DEGREES)
    visible = visible_points(bases, points, on)
    drawn_bases = [True] * len(points) if draw_every_base else visible
    return MapArrays(
        locations=[row.id for row in rows],
        z=z,
        line_width=widths,
        line_colour=colours,
        hover=hover,
        label_lon=[row.label_lon for row in rows],
        label_lat=[row.label_lat for row in rows],
        labels=labels,
        label_sizes=sizes,
        label_colours=label_colours,
        title=t("map.title", lang, date=format_date(on, lang)),
        base_lon=[p.lon if drawn else None for p, drawn in zip(points, drawn_bases, strict=True)],
        base_lat=[p.lat if drawn else None for p, drawn in zip(points, drawn_bases, strict=True)],
        base_hover=[point_hover(dataset, bases, p, first or period, lang) for p in points],
        base_symbols=[
            theme.TOGETHER_SYMBOL if p.together else theme.base_symbol(bases[p.members[0]].operator)
            for p in points
        ],
        base_text=[str(len(p.members)) if p.together else "" for p in points],
        base_sizes=[theme.TOGETHER_SIZE if p.together else theme.BASE_SIZE for p in points],
        base_colours=[
            theme.BASE_OUTLINE if p.together else theme.base_colour(bases[p.members[0]].operator)
            for p in points
        ],
        base_visible=visible,
        base_opacity=[
            1.0
            if lens == ALIGNMENT_LENS or any(bases[i].operator == lens for i in p.members)
            else DIMMED_BASE
            for p in points
        ],
        show_bases=show_bases,
        lon_range=theme.COMPACT_LON_RANGE if compact else theme.LON_RANGE,
        lat_range=theme.COMPACT_LAT_RANGE if compact else theme.LAT_RANGE,
        outlines=tuple(outlines),
        outline_visible=tuple(draw_every_outline or o.outline.key in outlines_shown for o in outlines),
        selected_line=shapes.outline([selected], SELECTED_GROW) if selected in states else ([], []),
    )


def build_figure(shapes: Shapes, arrays: MapArrays) -> go.Figure:
    n = len(theme.CLASS_ORDER)
    choropleth = go.Choropleth(
        geojson=shapes.geojson,
        featureidkey="properties.id",
        locations=arrays.locations,
        z=arrays.z,
        # Integer class i sits in the middle of its flat colour band.
        zmin=-0.5,
        zmax=n - 0.5,
        colorscale=theme.stepped_colourscale(),
        showscale=False,
        marker={"line": {"width": arrays.line_width, "color": arrays.line_colour}},
        hovertext=arrays.hover,
        hovertemplate="%{hovertext}<extra></extra>",
        name="alignment",
    )
    labels = go.Scattergeo(
        lon=arrays.label_lon,
        lat=arrays.label_lat,
        text=arrays.labels,
        mode="text",
        textfont={
            "size": arrays.label_sizes,
            "color": arrays.label_colours,
            "family": theme.FONT_FAMILY,
            "shadow": "auto",  # a halo in the contrasting colour
        },
        hoverinfo="skip",
        name="labels",
    )
    bases = go.Scattergeo(
        lon=arrays.base_lon,
        lat=arrays.base_lat,
        mode="markers+text",
        text=arrays.base_text,
        textposition="middle center",
        textfont={"size": arrays.base_text_size, "color": theme.BASE_OUTLINE, "family": theme.FONT_FAMILY},
        marker={
            "symbol": arrays.base_symbols,
            "color": theme.BASE_FILL,
            "size": arrays.base_sizes,
            "opacity": arrays.base_opacity,  # set, or plotly would lighten markers that carry text
            "line": {"width": 1.6, "color": arrays.base_colours},
        },
        hovertext=arrays.base_hover,
        hovertemplate="%{hovertext}<extra></extra>",
        visible=arrays.show_bases,
        name="bases",
    )
    # Alliance outlines, one trace each (shown or hidden as a whole), after the three above.
    alliances = [
        go.Scattergeo(
            lon=line.lons,
            lat=line.lats,
            mode="lines",
            line={
                "color": theme.ALLIANCE_LINES[line.outline.alliance][0],
                "width": theme.ALLIANCE_LINES[line.outline.alliance][1],
                "dash": theme.ALLIANCE_LINES[line.outline.alliance][2],
            },
            hoverinfo="skip",
            visible=shown,
            name=line.outline.key,
        )
        for line, shown in zip(arrays.outlines, arrays.outline_visible, strict=True)
    ]
    # The selected country: a line just outside its border, the last trace.
    chosen = go.Scattergeo(
        lon=arrays.selected_line[0],
        lat=arrays.selected_line[1],
        mode="lines",
        line={"color": theme.SELECTED_BORDER, "width": arrays.selected_width},
        hoverinfo="skip",
        name="selected",
    )
    figure = go.Figure(data=[choropleth, labels, bases, *alliances, chosen])
    figure.update_layout(
        title={"text": arrays.title, "x": 0.01, "xanchor": "left", "font": {"size": 20}},
        font={"family": theme.FONT_FAMILY, "color": theme.TEXT_COLOUR},
        margin={"l": 0, "r": 0, "t": 44, "b": 0},
        paper_bgcolor=theme.WHITE,
        showlegend=False,
        dragmode=False,
        uirevision="map",
        hoverlabel={"font": {"family": theme.FONT_FAMILY}},
        geo={
            "scope": "africa",
            "resolution": 50,
            "projection": {"type": "mercator"},
            "lonaxis": {"range": list(arrays.lon_range)},
            "lataxis": {"range": list(arrays.lat_range)},
            "showland": True,
            "landcolor": theme.LAND,
            "showocean": True,
            "oceancolor": theme.OCEAN,
            "showlakes": False,
            "showcountries": False,
            "showcoastlines": False,
            "showframe": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
    )
    return figure


def _darker(values: object, colours: dict[str, str]) -> object:
    """A colour, or a list of colours, as the dark theme draws them."""
    if isinstance(values, str):
        return colours.get(values, values)
    if isinstance(values, (list, tuple)):
        return [colours.get(v, v) if isinstance(v, str) else v for v in values]
    return values


def dark_figure(figure: go.Figure) -> go.Figure:
    """The map in the embed's dark theme: dark ground, sea and neighbours, light borders of change,
    light names of the neighbours and lines of the alliances (the classes keep their colours)."""
    context = theme.ALIGNMENT_COLOURS[theme.CONTEXT]
    for trace in figure.data:
        if trace.type == "choropleth":
            scale = theme.stepped_colourscale()
            trace.colorscale = [
                [at, theme.DARK_LAND if colour == context else colour] for at, colour in scale
            ]
            trace.marker.line.color = _darker(trace.marker.line.color, theme.DARK_BORDERS)
        elif trace.name == "labels":
            trace.textfont.color = _darker(trace.textfont.color, theme.DARK_NAMES)
        elif trace.mode == "lines":  # the alliances and the selection
            trace.line.color = _darker(trace.line.color, theme.DARK_LINES)
    figure.update_layout(
        paper_bgcolor=theme.DARK_BACKGROUND,
        font={"color": theme.DARK_TEXT},
        geo={"landcolor": theme.DARK_LAND, "oceancolor": theme.DARK_OCEAN},
    )
    return figure


DARK_PATCHED = {
    ("data", 0, "marker", "line", "color"): theme.DARK_BORDERS,
    ("data", 1, "textfont", "color"): theme.DARK_NAMES,
}


def dark_patch(values: dict[tuple, object]) -> dict[tuple, object]:
    """A month's patch (`map_patch`) for a map drawn in the dark theme."""
    return {path: _darker(v, DARK_PATCHED[path]) if path in DARK_PATCHED else v for path, v in values.items()}


def map_patch(arrays: MapArrays) -> dict[tuple, object]:
    """What a view change sends: every per-view array, keyed by its path in the figure."""
    return {
        ("data", 0, "z"): arrays.z,
        ("data", 0, "marker", "line", "width"): arrays.line_width,
        ("data", 0, "marker", "line", "color"): arrays.line_colour,
        ("data", 0, "hovertext"): arrays.hover,
        ("data", 1, "text"): arrays.labels,
        ("data", 1, "textfont", "size"): arrays.label_sizes,
        ("data", 1, "textfont", "color"): arrays.label_colours,
        ("data", 2, "lon"): arrays.base_lon,
        ("data", 2, "lat"): arrays.base_lat,
        ("data", 2, "hovertext"): arrays.base_hover,
        ("data", 2, "marker", "symbol"): arrays.base_symbols,
        ("data", 2, "marker", "size"): arrays.base_sizes,
        ("data", 2, "marker", "line", "color"): arrays.base_colours,
        ("data", 2, "marker", "opacity"): arrays.base_opacity,
        ("data", 2, "text"): arrays.base_text,
        ("data", 2, "visible"): arrays.show_bases,
        **{("data", 3 + i, "visible"): shown for i, shown in enumerate(arrays.outline_visible)},
        ("data", 3 + len(arrays.outlines), "lon"): arrays.selected_line[0],
        ("data", 3 + len(arrays.outlines), "lat"): arrays.selected_line[1],
        ("layout", "title", "text"): arrays.title,
        ("layout", "geo", "lonaxis", "range"): list(arrays.lon_range),
        ("layout", "geo", "lataxis", "range"): list(arrays.lat_range),
    }


def as_patch(values: Mapping[tuple, object]) -> Patch:
    """A `dash.Patch` that sets each path of `values` (as `map_patch` gives them)."""
    patch = Patch()
    for path, value in values.items():
        target = patch
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return patch


def map_arrays_for(
    data: AppData,
    view: View,
    compact: bool = False,
    draw_every_base: bool = False,
    outlined: Collection[str] | None = None,
) -> MapArrays:
    """The map arrays of a view, from the app's shared state of its period."""
    period = view.period
    return map_arrays(
        data.shapes,
        data.dataset,
        data.states(period),
        data.changes(period),
        period,
        data.as_of(period),
        view.lang,
        lens=view.lens,
        selected=view.country,
        bases=data.dataset.bases,
        first=data.calendar().first,
        show_bases=view.bases,
        compact=compact,
        draw_every_base=draw_every_base,
        outlined=outlined,
        outlines=data.outlines,
        outlines_shown=data.outlines_shown(period),
        draw_every_outline=draw_every_base,
    )


def as_of_text(data: AppData, period: Period, lang: Lang) -> str:
    """“Situation on 31 August 2023”: the header's line for a period."""
    return t("map.as_of", lang, date=format_date(data.as_of(period), lang))


def plotly_rgb(hex_colour: str) -> str:
    """A colour as plotly writes it into the SVG: `rgb(0, 114, 178)`."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def map_frames(data: AppData, view: View, compact: bool = False) -> dict[str, object]:
    """Every month's map for the view's lens, country and bases, for the browser to step through.

    Dictionary-encoded: `cells` holds each distinct look of one country (fill as plotly paints it,
    class number, outline, label text, size and colour, hover text); each month (keyed by its
    slider value) gives a cell index per country, the bases in use, and its title and texts.
    When the view is of one day (`?date=2023-08-15`), `day` is that day's frame, with the slider
    value of its month: it is shown until the slider moves. `assets/map.js` writes a month into the
    map plotly drew, and builds a figure from it.
    """
    cells: dict[tuple, int] = {}
    periods: dict[str, dict[str, object]] = {}
    first: MapArrays | None = None

    def frame(period: Period) -> tuple[MapArrays, dict[str, object]]:
        arrays = map_arrays_for(data, view.with_(period=period), compact=compact, draw_every_base=True)
        indexes = []
        for i in range(len(arrays.locations)):
            cell = (
                plotly_rgb(theme.ALIGNMENT_COLOURS[theme.CLASS_ORDER[arrays.z[i]]]),
                arrays.z[i],
                arrays.line_width[i],
                arrays.line_colour[i],
                arrays.labels[i],
                arrays.label_sizes[i],
                arrays.label_colours[i],
                arrays.hover[i],
            )
            indexes.append(cells.setdefault(cell, len(cells)))
        shown = data.outlines_shown(period)
        return arrays, {
            "c": indexes,
            "b": [i for i, visible in enumerate(arrays.base_visible) if visible],
            # The alliance outlines shown (their order in the figure, after the first three traces).
            "o": [i for i, o in enumerate(arrays.outlines) if o.outline.key in shown],
            "title": arrays.title,
            "label": period.label(view.lang),
            "as_of": as_of_text(data, period, view.lang),
            "review": review_notice(data, period, view.lang),
            # The timeline's cursor: the day it stands at, and its label.
            "on": data.as_of(period).isoformat(),
            "on_text": format_date(data.as_of(period), view.lang),
        }

    for period in data.calendar():
        arrays, periods[str(period.slider_value())] = frame(period)
        first = first or arrays
    assert first is not None
    day = None
    if view.period.day is not None:
        day = frame(view.period)[1] | {"value": view.period.slider_value(), "token": view.period.token()}
    return {
        "locations": first.locations,
        "cells": [list(cell) for cell in cells],
        "periods": periods,
        "day": day,
        "show_bases": first.show_bases,
        "base_opacity": first.base_opacity,
        # The markers (a phone's map groups bases more widely than a wide screen's).
        "bases": {
            "lon": first.base_lon,
            "lat": first.base_lat,
            "text": first.base_text,
            "hovertext": first.base_hover,
            "symbol": first.base_symbols,
            "size": first.base_sizes,
            "colour": first.base_colours,
        },
        "outlines": len(first.outlines),
        "selected_line": list(first.selected_line),
        "lon_range": list(first.lon_range),
        "lat_range": list(first.lat_range),
    }
