"""Country labels placed for a picture of known size, so that none collides.

The page places its labels in the browser, where they can be measured (`assets/labels.js`); a
picture the server renders has no script, so its labels are placed here before rendering, in the
same order and by the same rule: the focus countries first, then the neighbours' names; a label
keeps as many of its lines as fit inside its country (the name always; the status and "changed"
lines go from the end), may move a little off a base marker, and is left out when no place is free
(the legend still says what it said). Nothing is placed outside the map's frame.

Text is measured with the advance widths of Liberation Sans (metric-compatible with Arial, the
first of the map's fonts Chromium finds here), rounded up, and a margin is kept around each box.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
import shapely

from geodata.shapes import Shapes
from layouts import theme

PAD = 3.0  # px kept free around a label and a marker (the estimate of text widths is not exact)
LINE = 1.3  # plotly's line spacing, in em
ASCENT, DESCENT = 0.905, 0.212  # Liberation Sans, in em
FRAME_MARGIN = 4.0  # px
MARKER_LINE = 1.6  # px: the base markers' outline (layouts/map_figure.py)

# Advance widths in thousandths of an em (Arial / Liberation Sans); others count as WIDE.
_REGULAR = dict.fromkeys("ijl'", 222) | dict.fromkeys(" ,.:;!|()[]ftI-", 278) | {"r": 333}
_REGULAR |= dict.fromkeys("cksvxyzJ", 500) | dict.fromkeys("mM", 833) | {"w": 722, "W": 944}
_REGULAR |= dict.fromkeys("ABEKPSVXY", 667) | dict.fromkeys("CDHNRUwG", 722) | dict.fromkeys("LTFZ", 611)
_REGULAR |= dict.fromkeys("OQ", 778)
_BOLD = _REGULAR | dict.fromkeys("ijl'", 278) | dict.fromkeys(" ,.:;!|()[]f-", 333) | {"t": 333, "r": 389}
_BOLD |= dict.fromkeys("abcdeghknopqsuvxyz", 611) | dict.fromkeys("ABCDHKNRSUVXY", 722) | {"O": 778, "Q": 778}
LOWER, WIDE = 556, 778


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in px of one line of text at `size` px (accents count as their letter)."""
    table = _BOLD if bold else _REGULAR
    total = 0
    for char in text:
        base = _unaccented(char)
        total += table.get(base, LOWER if base.islower() or base.isdigit() else WIDE)
    return total * size / 1000


def _unaccented(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def moved(self, x: float, y: float) -> Box:
        return Box(self.left + x, self.top + y, self.right + x, self.bottom + y)

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)

    def hits(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def within(self, other: Box) -> bool:
        return (
            self.left >= other.left
            and self.right <= other.right
            and self.top >= other.top
            and self.bottom <= other.bottom
        )


@dataclass(frozen=True)
class MapFrame:
    """Where a mercator map with given longitude and latitude ranges is drawn, in px: plotly fits
    the ranges into the subplot's domain, keeping their proportions, with the middle of the ranges
    (in degrees) at the middle of the domain."""

    centre_x: float
    centre_y: float
    scale: float  # px per radian
    lon_c: float
    y_c: float  # mercator y of the middle latitude

    @classmethod
    def fit(cls, box: Box, lon_range: Sequence[float], lat_range: Sequence[float]) -> MapFrame:
        span_x = math.radians(lon_range[1] - lon_range[0])
        span_y = _mercator(lat_range[1]) - _mercator(lat_range[0])
        width, height = box.right - box.left, box.bottom - box.top
        return cls(
            (box.left + box.right) / 2,
            (box.top + box.bottom) / 2,
            min(width / span_x, height / span_y),
            (lon_range[0] + lon_range[1]) / 2,
            _mercator((lat_range[0] + lat_range[1]) / 2),
        )

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            self.centre_x + math.radians(lon - self.lon_c) * self.scale,
            self.centre_y + (self.y_c - _mercator(lat)) * self.scale,
        )

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon = self.lon_c + math.degrees((x - self.centre_x) / self.scale)
        merc = self.y_c - (y - self.centre_y) / self.scale
        return lon, math.degrees(2 * math.atan(math.exp(merc)) - math.pi / 2)

    def box(self, lon_range: Sequence[float], lat_range: Sequence[float]) -> Box:
        """The ranges' box, a few px inside (plotly's frame differs from it by a pixel or two)."""
        x0, y0 = self.xy(lon_range[0], lat_range[1])
        x1, y1 = self.xy(lon_range[1], lat_range[0])
        return Box(x0, y0, x1, y1).grown(-FRAME_MARGIN)


def _mercator(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _lines(label: str) -> list[str]:
    return label.split("<br>")


def _plain(line: str) -> str:
    for tag in ("<b>", "</b>", "<i>", "</i>"):
        line = line.replace(tag, "")
    return line.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")


def label_box(label: str, size: float, keep: int) -> Box:
    """The box of a label's first `keep` lines, centred on its point as plotly centres them."""
    lines = _lines(label)[:keep]
    width = max(text_width(_plain(line), size, bold=line.startswith("<b>")) for line in lines)
    first = ((1 - keep) * 0.65 + 0.25) * size  # plotly's offset of the first baseline
    top = first - ASCENT * size
    bottom = first + (keep - 1) * LINE * size + DESCENT * size
    return Box(-width / 2, top, width / 2, bottom)


def _moves(width: float, height: float) -> list[tuple[float, float]]:
    found = [
        (x * width, y * height)
        for x in (0, -0.25, 0.25, -0.5, 0.5)
        for y in (0, -0.5, 0.5, -1, 1, -1.5, 1.5, -2, 2)
    ]
    return sorted(found, key=lambda m: m[0] ** 2 + m[1] ** 2)


def _inside(frame: MapFrame, geometry: shapely.Geometry | None) -> Callable[[Box], bool]:
    """Whether a box (a little inside its edge) lies within a country's shape; any box, for none."""

    def inside(box: Box) -> bool:
        if geometry is None:
            return True
        inner = box.grown(-PAD - 2)
        corners = [frame.lonlat(x, y) for x in (inner.left, inner.right) for y in (inner.top, inner.bottom)]
        return all(geometry.contains(shapely.Point(corner)) for corner in corners)

    return inside


@dataclass(frozen=True)
class Placed:
    index: int
    text: str  # "" when left out
    lon: float
    lat: float
    outside: bool = False  # a focus country's name that found room only outside its shape


def place(
    frame: MapFrame,
    area: Box,
    shapes: Shapes,
    ids: Sequence[str],
    lons: Sequence[float],
    lats: Sequence[float],
    labels: Sequence[str],
    sizes: Sequence[float],
    markers: Sequence[tuple[float, float, float]],
) -> Iterator[Placed]:
    """Each label's kept text and its point, for a map drawn in `frame`; `markers` are the drawn
    bases as (lon, lat, size in px)."""
    taken = []
    for lon, lat, size in markers:
        x, y = frame.xy(lon, lat)
        half = size / 2 + MARKER_LINE / 2
        taken.append(Box(x - half, y - half, x + half, y + half).grown(PAD))
    order = sorted(
        (i for i, label in enumerate(labels) if label), key=lambda i: not labels[i].startswith("<b>")
    )
    for i in order:
        label, size, focus = labels[i], sizes[i], labels[i].startswith("<b>")
        x, y = frame.xy(lons[i], lats[i])
        geometry = shapes.frame.geometry.loc[ids[i]] if focus else None
        n = len(_lines(label))
        tries = []
        for keep in range(n, 0, -1):
            block = label_box(label, size, keep).grown(PAD)
            for mx, my in _moves(block.right - block.left, block.bottom - block.top):
                tries.append((keep, mx, my, block.moved(x + mx, y + my)))

        def free(box: Box) -> bool:
            return box.within(area) and not any(box.hits(other) for other in taken)

        inside = _inside(frame, geometry)
        choice = next((t for t in tries if free(t[3]) and inside(t[3])), None)
        outside = False
        if choice is None and focus:
            choice = next((t for t in tries if t[0] == 1 and free(t[3])), None)
            outside = choice is not None
        if choice is None:
            yield Placed(i, "", lons[i], lats[i])
            continue
        keep, mx, my, box = choice
        taken.append(box)
        lon, lat = (lons[i], lats[i]) if (mx, my) == (0, 0) else frame.lonlat(x + mx, y + my)
        yield Placed(i, "<br>".join(_lines(label)[:keep]), lon, lat, outside)


def place_figure_labels(figure: go.Figure, shapes: Shapes, width: int, height: int) -> None:
    """Place the labels of every map in a figure of `width` × `height` px (as `build_figure` draws
    them: the labels trace, then the bases trace, on each geo subplot)."""
    layout = figure.layout
    margin = layout.margin
    plot = Box(margin.l or 0, margin.t or 0, width - (margin.r or 0), height - (margin.b or 0))
    for geo_name in ("geo", "geo2"):
        try:
            geo = layout[geo_name]
        except KeyError:  # a figure of one map has no second
            continue
        if geo is None or geo.lonaxis.range is None:
            continue
        traces = [trace for trace in figure.data if (trace.geo or "geo") == geo_name]
        labels = next((t for t in traces if t.name == "labels"), None)
        bases = next((t for t in traces if t.name == "bases"), None)
        choropleth = next((t for t in traces if t.type == "choropleth"), None)
        if labels is None or choropleth is None:
            continue
        dx, dy = geo.domain.x or (0, 1), geo.domain.y or (0, 1)
        pw, ph = plot.right - plot.left, plot.bottom - plot.top
        domain = Box(
            plot.left + dx[0] * pw,
            plot.top + (1 - dy[1]) * ph,
            plot.left + dx[1] * pw,
            plot.top + (1 - dy[0]) * ph,
        )
        frame = MapFrame.fit(domain, geo.lonaxis.range, geo.lataxis.range)
        area = frame.box(geo.lonaxis.range, geo.lataxis.range)
        markers = []
        if bases is not None and bases.visible is not False and bases.lon is not None:
            sizes = bases.marker.size
            for j, (lon, lat) in enumerate(zip(bases.lon, bases.lat, strict=True)):
                if lon is not None and lat is not None:
                    size = sizes[j] if isinstance(sizes, (list, tuple)) else sizes
                    markers.append((lon, lat, float(size)))
        font_sizes = labels.textfont.size
        sizes = list(font_sizes) if isinstance(font_sizes, (list, tuple)) else [font_sizes] * len(labels.text)
        placed = list(
            place(
                frame,
                area,
                shapes,
                list(choropleth.locations),
                list(labels.lon),
                list(labels.lat),
                list(labels.text),
                sizes,
                markers,
            )
        )
        text, lons, lats = list(labels.text), list(labels.lon), list(labels.lat)
        colours = labels.textfont.color
        colours = list(colours) if isinstance(colours, (list, tuple)) else [colours] * len(text)
        for p in placed:
            text[p.index], lons[p.index], lats[p.index] = p.text, p.lon, p.lat
            if p.outside:  # off its country's fill, on the light land around: dark text reads
                colours[p.index] = theme.TEXT_COLOUR
        labels.update(text=text, lon=lons, lat=lats)
        labels.textfont.color = colours
