"""A published picture laid out for its preset (`data.presets`): title (what is shown, and when),
a one-line subtitle saying what the colours mean, the map, a legend with filled swatches (beside
the map, or under it below 800 px and on square and portrait canvases), and the credit with the
site's address, the review date and the basemap's credit.

Everything is placed here in pixels, measured with the advance widths the map's labels use
(`layouts.labels.text_width`), so `compose` knows every text box it draws: the tests check that
each lies inside the canvas and that none overlaps another. The map's own labels are then placed
for the map's box by `layouts.labels`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import plotly.graph_objects as go

from data.context import AppData
from data.describe import credit_line, period_summary, picture_title, review_notice
from data.i18n import Lang, t
from data.presets import Preset
from data.view import ALIGNMENT_LENS, View
from layouts import theme
from layouts.labels import ASCENT, DESCENT, LINE, Box, MapFrame, place_figure_labels, text_width
from layouts.legend import LegendEntry, legend
from layouts.map_figure import build_figure, map_arrays_for
from layouts.text import plotly_text


@dataclass
class Composition:
    """What `compose` placed: the layout to merge into the map, the canvas height (an article's
    follows its content) and each text's box in px, by name."""

    width: int
    height: int
    layout: dict
    view: View  # the view drawn (without its bases when the canvas had no room for them)
    boxes: list[tuple[str, Box]] = field(default_factory=list)
    least_height: int = 0  # when the canvas is too low for everything, the height that holds it


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """`text` in lines no wider than `width` px at `size` px (a word longer than that stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def _line_height(size: float) -> float:
    return size * LINE


def _block_height(lines: int, size: float) -> float:
    """Plotly's height of a text of `lines` lines: the first line's ascent and descent, then a
    line's spacing for each further one."""
    return (ASCENT + DESCENT) * size + (lines - 1) * _line_height(size)


class _Canvas:
    """Texts and shapes placed in px from the top-left corner, written as paper coordinates once
    the canvas's height is known."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.texts: list[tuple[str, float, float, list[str], float, str, bool]] = []
        self.rects: list[tuple[float, float, float, float, dict]] = []
        self.boxes: list[tuple[str, Box]] = []

    def text(
        self, name: str, x: float, y: float, lines: list[str], size: float, colour: str, bold: bool = False
    ) -> float:
        """Lines of text with their top-left corner at (x, y); returns the y under them."""
        height = _block_height(len(lines), size)
        width = max(text_width(line, size, bold) for line in lines)
        self.texts.append((name, x, y, lines, size, colour, bold))
        self.boxes.append((name, Box(x, y, x + width, y + height)))
        return y + height

    def rect(self, x0: float, y0: float, x1: float, y1: float, **style: object) -> None:
        self.rects.append((x0, y0, x1, y1, style))

    def layout(self, height: float) -> tuple[list[dict], list[dict]]:
        def px(x: float, y: float) -> tuple[float, float]:
            return x / self.width, 1 - y / height

        annotations = []
        for _name, x, y, lines, size, colour, bold in self.texts:
            body = "<br>".join(plotly_text(line) for line in lines)
            ax, ay = px(x, y)
            annotations.append(
                {
                    "text": f"<b>{body}</b>" if bold else body,
                    "xref": "paper",
                    "yref": "paper",
                    "x": ax,
                    "y": ay,
                    "xanchor": "left",
                    "yanchor": "top",
                    "align": "left",
                    "showarrow": False,
                    "borderpad": 0,
                    "font": {"size": size, "color": colour},
                }
            )
        shapes = []
        for x0, y0, x1, y1, style in self.rects:
            (px0, py1), (px1, py0) = px(x0, y1), px(x1, y0)
            shapes.append(
                {"type": "rect", "xref": "paper", "yref": "paper", "x0": px0, "x1": px1, "y0": py1, "y1": py0}
                | style
            )
        return annotations, shapes


def _subtitle(view: View) -> str:
    if view.lens == ALIGNMENT_LENS:
        return t("picture.subtitle", view.lang)
    return t("picture.subtitle_lens", view.lang)


def _swatch(canvas: _Canvas, entry: LegendEntry, x: float, y: float, size: float) -> None:
    """An entry's key, `size` px square, its top-left corner at (x, y)."""
    if entry.glyph:
        colour = theme.base_colour(entry.operator) if entry.operator else theme.TEXT_COLOUR
        canvas.texts.append(("glyph", x, y, [entry.glyph], size, colour, False))
    elif entry.outline:
        line = max(2.0, size / 6)
        canvas.rect(
            x + line / 2,
            y + line / 2,
            x + size - line / 2,
            y + size - line / 2,
            line={"color": theme.CHANGED_BORDER, "width": line},
            fillcolor="rgba(0,0,0,0)",
        )
    elif entry.line:
        colour, width, dash = theme.ALLIANCE_LINES[entry.line]
        canvas.rects.append(
            (
                x,
                y + size / 2,
                x + size * 1.6,
                y + size / 2,
                {"type": "line", "line": {"color": colour, "width": width * size / 12, "dash": dash}},
            )
        )
    else:
        canvas.rect(
            x,
            y,
            x + size,
            y + size,
            line={"color": theme.MUTED_TEXT, "width": 0.5},
            fillcolor=theme.ALIGNMENT_COLOURS[entry.klass or ""],
        )


def _legend(
    canvas: _Canvas, data: AppData, view: View, x: float, y: float, width: float, size: float
) -> float:
    """The legend in columns that fill `width`; returns the y under it."""
    model = legend(data.dataset, view.lens, view.lang, bases=view.bases)
    key = size * 1.1
    gap = size * 0.6
    groups = (
        [(model.title, model.entries), (model.bases_title, model.bases)]
        if model.bases
        else [(model.title, model.entries)]
    )
    widest = max(text_width(e.label, size) for _, entries in groups for e in entries) + key * 1.6 + gap
    # As many columns as the widest entry allows, and at least as many as columns of 18 em (whose
    # longer labels then wrap).
    fit = max(int((width + gap * 2) // (widest + gap * 2)), int((width + gap * 2) // (size * 18 + gap * 2)))
    columns = max(1, min(3, fit))
    column_width = (width - gap * 2 * (columns - 1)) / columns
    for title, entries in groups:
        y = canvas.text(
            "legend-title", x, y, wrap(title, size, width, bold=True), size, theme.TEXT_COLOUR, True
        )
        y += size * 0.35
        rows = -(-len(entries) // columns)
        bottoms = []
        for column in range(columns):
            cy = y
            cx = x + column * (column_width + gap * 2)
            for entry in entries[column * rows : (column + 1) * rows]:
                label_x = cx + key * (1.7 if entry.line else 1) + gap
                lines = wrap(entry.label, size, cx + column_width - label_x)
                _swatch(canvas, entry, cx, cy + (size * (ASCENT + DESCENT) - key) / 2, key)
                cy = canvas.text("legend", label_x, cy, lines, size, theme.TEXT_COLOUR) + size * 0.35
            bottoms.append(cy)
        y = max(bottoms) + size * 0.5
    return y


def compose(data: AppData, view: View, preset: Preset, address: str = "") -> Composition:
    """The picture's layout for `preset`: every text placed, the map's box, the canvas's height.

    A canvas too small for everything first loses the bases (their markers and their legend),
    then its text shrinks, never under 12 px."""
    attempts = [(view, 1.0)]
    if view.bases:
        attempts.append((view.with_(bases=False), 1.0))
    attempts += [(attempts[-1][0], shrink) for shrink in (0.85, 0.72)]
    for shown, shrink in attempts:
        draft = _compose(data, shown, preset, address, 0.0, shrink)
        if draft.spare >= 0:
            break
    else:  # nothing fits: say how tall the canvas would have to be
        grown = Preset(preset.name, preset.width, None, preset.text)
        least = _compose(data, shown, grown, address, 0.0, shrink).composition.height
        return dataclasses.replace(draft.composition, least_height=least)
    if draft.spare <= 0:
        return draft.composition
    # A tall canvas keeps its map, legend and summary together in the middle of the free space.
    return _compose(data, shown, preset, address, draft.spare / 2, shrink).composition


@dataclass
class _Draft:
    composition: Composition
    spare: float  # free px under the content, above the credit (negative: it does not fit)


MIN_TEXT = 12.0  # px at 1×: no smaller text in a picture
MIN_MAP_SHARE = 0.5  # of the map's full height at the canvas's width, below which it loses detail


def _compose(data: AppData, view: View, preset: Preset, address: str, shift: float, shrink: float) -> _Draft:
    lang: Lang = view.lang
    size = max(MIN_TEXT, round(preset.text * shrink))
    title_size, small = round(size * 1.45), max(MIN_TEXT, round(size * 0.85))
    pad = max(16.0, round(preset.width * 0.025))
    inner = preset.width - 2 * pad
    canvas = _Canvas(preset.width)
    title = wrap(picture_title(data, view), title_size, inner, True)
    y = canvas.text("title", pad, pad, title, title_size, theme.TEXT_COLOUR, True)
    subtitle = wrap(_subtitle(view), size, inner)
    y = canvas.text("subtitle", pad, y + size * 0.3, subtitle, size, theme.MUTED_TEXT)
    review = review_notice(data, view.period, lang)
    if review:
        y = canvas.text(
            "review", pad, y + size * 0.2, wrap(review, size, inner, True), size, theme.TEXT_COLOUR, True
        )
    top = y + size * 0.6 + shift
    credits = [credit_line(data, lang)]
    credits.append(" · ".join(part for part in (address, t("picture.basemap", lang)) if part))
    credit_lines = [line for text in credits for line in wrap(text, small, inner)]
    credit_height = _block_height(len(credit_lines), small) + pad * 0.75
    # A square or portrait canvas shows the four countries closer up.
    ranges = (
        (theme.COMPACT_LON_RANGE, theme.COMPACT_LAT_RANGE)
        if preset.height and preset.legend_below
        else (theme.LON_RANGE, theme.LAT_RANGE)
    )
    aspect = _aspect(*ranges)
    if preset.legend_below:
        full = inner / aspect
        map_height = full
        if preset.height is not None:  # the map gives up height to the legend first
            legend_height = _legend(_Canvas(preset.width), data, view, 0, 0, inner, size)
            room = preset.height - credit_height - size * 0.6 - top - size * 0.8 - legend_height
            map_height = max(min(full, room), full * MIN_MAP_SHARE)
        map_box = Box(pad, top, preset.width - pad, top + map_height)
        y = _legend(canvas, data, view, pad, map_box.bottom + size * 0.8, inner, size)
        if preset.height is not None and preset.height - credit_height - y > 6 * size:
            # A tall canvas has room for the situation in words.
            summary = wrap(period_summary(data, view.period, lang), size, inner)
            y = canvas.text("summary", pad, y + size * 0.4, summary, size, theme.TEXT_COLOUR)
        height = preset.height or round(y + size * 0.6 + credit_height)
        spare = height - credit_height - size * 0.6 - y if preset.height else 0.0
    else:
        column = max(inner * 0.27, 240.0)
        map_width = inner - column - pad
        if preset.height is None:  # as tall as the map or the legend, whichever is taller
            legend_height = _legend(_Canvas(preset.width), data, view, 0, 0, column, size)
            content = max(map_width / aspect, legend_height)
            preset = dataclasses.replace(preset, height=math.ceil(top + content + size * 0.4 + credit_height))
        assert preset.height is not None
        bottom = preset.height - credit_height - size * 0.4
        map_height = min(bottom - top, map_width / aspect)
        middle = top + (bottom - top - map_height) / 2  # the map in the middle of its space
        map_box = Box(pad, middle, pad + map_width, middle + map_height)
        legend_bottom = _legend(canvas, data, view, pad + map_width + pad, top, column, size)
        height = preset.height
        spare = min(bottom - legend_bottom, map_height - map_width / aspect * MIN_MAP_SHARE)
        spare = min(spare, 0.0)  # a side legend leaves nothing to share out
    canvas.text("credit", pad, height - credit_height + pad * 0.25, credit_lines, small, theme.MUTED_TEXT)
    annotations, shapes = canvas.layout(height)
    layout = {
        "title": {"text": ""},
        "width": preset.width,
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "annotations": annotations,
        "shapes": shapes,
        "geo": {
            "domain": {
                "x": [map_box.left / preset.width, map_box.right / preset.width],
                "y": [1 - map_box.bottom / height, 1 - map_box.top / height],
            },
            "lonaxis": {"range": list(ranges[0])},
            "lataxis": {"range": list(ranges[1])},
        },
    }
    boxes = [*canvas.boxes, ("map", map_box)]
    return _Draft(Composition(preset.width, height, layout, view, boxes), spare)


def _aspect(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> float:
    """Width over height of a mercator map of these ranges."""
    box = MapFrame.fit(Box(0, 0, 1000, 1000), lon_range, lat_range).box(lon_range, lat_range)
    return (box.right - box.left) / (box.bottom - box.top)


LABEL_TEXT = 13.0  # the body text the map's labels are sized for


def _each(value: object, count: int) -> list[float]:
    return list(value) if isinstance(value, (list, tuple)) else [float(value or 0)] * count  # type: ignore[arg-type]


def preset_figure(
    data: AppData, view: View, preset: Preset, address: str = "", composition: Composition | None = None
) -> tuple[go.Figure, Composition]:
    """The picture of a view for a preset, its labels placed for its size (`composition`: the
    layout `compose` already made for them, if any)."""
    composition = composition or compose(data, view, preset, address)
    figure = build_figure(data.shapes, map_arrays_for(data, composition.view))
    figure.update_layout(composition.layout)
    grow = max(1.0, preset.text / LABEL_TEXT)  # labels and markers grow with the preset's text
    labels, bases = figure.data[1], figure.data[2]
    labels.textfont.size = [
        max(MIN_TEXT, round(s * grow, 1)) for s in _each(labels.textfont.size, len(labels.text))
    ]
    if bases.lon is not None:
        bases.marker.size = [round(s * grow, 1) for s in _each(bases.marker.size, len(bases.lon))]
        bases.textfont.size = [
            max(MIN_TEXT, round(s * grow, 1)) for s in _each(bases.textfont.size, len(bases.lon))
        ]
    place_figure_labels(figure, data.shapes, composition.width, composition.height)
    return figure, composition
