"""The map: one choropleth trace (integer class per country) and one trace of labels.

`map_arrays` computes everything that changes with the year; `build_figure` draws it once with the
shapes. The year callback sends only the arrays (a `dash.Patch`), never the shapes again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from data.state import CountryState, Transition
from geodata.shapes import Shapes, join
from layouts import theme
from layouts.i18n import Lang, format_date, t

LINE_WIDTH = 0.8
CHANGED_LINE_WIDTH = 3.5


@dataclass(frozen=True)
class MapArrays:
    """Per-country values for one year and language, in the shapes' order."""

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
    lon_range: tuple[float, float] = theme.LON_RANGE
    lat_range: tuple[float, float] = theme.LAT_RANGE


def partner_line(state: CountryState, lang: Lang) -> str:
    if not state.active:
        return t("hover.no_partners", lang)
    names = [f"{getattr(p, f'name_{lang}')} ({t(f'level.{int(p.level)}', lang)})" for p in state.active]
    return f"{t('hover.partners', lang)}:<br>" + "<br>".join(f"• {n}" for n in names)


def map_arrays(
    shapes: Shapes,
    states: Mapping[str, CountryState],
    changes: Sequence[Transition],
    year: int,
    on: dt.date,
    lang: Lang,
    compact: bool = False,
) -> MapArrays:
    """Per-country values; `compact` (phones) keeps labels to the focus countries' names."""
    changed = {c.country for c in changes}
    values = {iso3: {"alignment": state.alignment.value, "state": state} for iso3, state in states.items()}
    table = join(shapes, values, ["alignment", "state"])
    z, widths, colours, hover, labels, sizes, label_colours = [], [], [], [], [], [], []
    for row in table.itertuples(index=False):
        name = getattr(row, f"name_{lang}")
        klass = row.alignment or theme.CONTEXT
        z.append(theme.CLASS_ORDER.index(klass))
        is_changed = row.id in changed
        widths.append(CHANGED_LINE_WIDTH if is_changed else LINE_WIDTH)
        colours.append(theme.CHANGED_BORDER if is_changed else theme.BORDER)
        klass_text = t(f"alignment.{klass}", lang)
        if row.state is None:
            hover.append(f"<b>{name}</b><br>{klass_text}")
            labels.append("" if compact else name)
            sizes.append(11)
            label_colours.append(theme.MUTED_TEXT)
            continue
        hover.append(f"<b>{name}</b><br>{klass_text}<br>{partner_line(row.state, lang)}")
        label = f"<b>{name.upper()}</b>"
        if not compact:
            label += f"<br>{klass_text}"
            if is_changed:
                label += f"<br><i>{t('label.changed', lang, year=year)}</i>"
        labels.append(label)
        sizes.append(12 if compact else 16)
        label_colours.append(theme.TEXT_COLOUR)
    return MapArrays(
        locations=list(table["id"]),
        z=z,
        line_width=widths,
        line_colour=colours,
        hover=hover,
        label_lon=list(table["label_lon"]),
        label_lat=list(table["label_lat"]),
        labels=labels,
        label_sizes=sizes,
        label_colours=label_colours,
        title=t("map.title", lang, year=year, date=format_date(on, lang)),
        lon_range=theme.COMPACT_LON_RANGE if compact else theme.LON_RANGE,
        lat_range=theme.COMPACT_LAT_RANGE if compact else theme.LAT_RANGE,
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
        },
        hoverinfo="skip",
        name="labels",
    )
    figure = go.Figure(data=[choropleth, labels])
    figure.update_layout(
        title={
            "text": arrays.title,
            "x": 0.01,
            "xanchor": "left",
            "font": {"size": 20},
        },
        font={"family": theme.FONT_FAMILY, "color": theme.TEXT_COLOUR},
        margin={"l": 0, "r": 0, "t": 44, "b": 0},
        paper_bgcolor="white",
        showlegend=False,
        dragmode=False,
        uirevision="map",
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
