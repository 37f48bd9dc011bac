"""One frame of the time-lapse video: the picture of a month laid out for its preset
(`layouts.picture`), a progress bar along the bottom edge and, at a step of the story, its caption
in a box above the map where the canvas leaves room, over the foot of the map elsewhere.

The overlays are plotly shapes and annotations placed in pixels of the canvas (the picture has no
margins: paper coordinates are fractions of the canvas), and the caption is wrapped with the same
measured text widths as the rest of the picture, so it stays inside the map's box.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from data.context import AppData
from data.presets import Preset
from data.view import View
from layouts import theme
from layouts.labels import ASCENT, DESCENT, LINE, Box
from layouts.picture import Composition, preset_figure, wrap
from layouts.text import plotly_text

PROGRESS_HEIGHT = 8  # px, at the very bottom of the canvas
CAPTION_INSET = 10  # px between the caption's box and the edges of the map's box
CAPTION_PAD = 8  # px between the caption's text and its box
CAPTION_BORDER = 1  # px


@dataclass(frozen=True)
class Caption:
    """A step of the story on a frame: its date written out, and its text."""

    date: str
    text: str


def progress_shapes(width: int, height: int, progress: float) -> list[dict]:
    """A bar across the bottom of the canvas, filled from the left by `progress` (0 to 1)."""
    done = min(max(progress, 0.0), 1.0)
    bar = {
        "type": "rect",
        "xref": "paper",
        "yref": "paper",
        "y0": 0.0,
        "y1": PROGRESS_HEIGHT / height,
        "line": {"width": 0},
        "layer": "above",
    }
    return [
        {**bar, "x0": 0.0, "x1": 1.0, "fillcolor": theme.LINE},
        {**bar, "x0": 0.0, "x1": done, "fillcolor": theme.ACCENT},
    ]


def caption_lines(caption: Caption, size: float, width: float) -> list[str]:
    """The caption's lines, the date first (in bold), wrapped to `width` px at `size` px."""
    return [*wrap(caption.date, size, width, bold=True), *wrap(caption.text, size, width)]


def caption_annotation(composition: Composition, caption: Caption, size: float) -> tuple[dict, Box]:
    """The caption in a box as wide as the map, above it or over its foot; and that box in px."""
    area = dict(composition.boxes)["map"]
    outer = area.right - area.left - 2 * CAPTION_INSET
    inner = outer - 2 * (CAPTION_PAD + CAPTION_BORDER)
    lines = caption_lines(caption, size, inner)
    text_height = (ASCENT + DESCENT) * size + (len(lines) - 1) * LINE * size
    box_height = text_height + 2 * (CAPTION_PAD + CAPTION_BORDER)
    left, bottom = area.left + CAPTION_INSET, area.bottom - CAPTION_INSET
    # Where the canvas has a free band above the map (a tall one), the caption stands there, clear
    # of the map; elsewhere over the foot of the map.
    above = max(box.bottom for name, box in composition.boxes if name in ("title", "subtitle", "review"))
    if area.top - above >= box_height + 2 * CAPTION_INSET:
        bottom = area.top - CAPTION_INSET
    box = Box(left, bottom - box_height, left + outer, bottom)
    dated, *rest = lines
    annotation = {
        "text": "<br>".join([f"<b>{plotly_text(dated)}</b>", *(plotly_text(line) for line in rest)]),
        "xref": "paper",
        "yref": "paper",
        "x": left / composition.width,
        "y": 1 - bottom / composition.height,
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "width": inner,
        "height": text_height,
        "showarrow": False,
        "bgcolor": theme.OVERLAY,
        "bordercolor": theme.LINE,
        "borderwidth": CAPTION_BORDER,
        "borderpad": CAPTION_PAD,
        "font": {"size": size, "color": theme.TEXT_COLOUR},
    }
    return annotation, box


def frame_figure(
    data: AppData,
    view: View,
    preset: Preset,
    *,
    progress: float = 0.0,
    caption: Caption | None = None,
    address: str = "",
) -> go.Figure:
    """The video's frame of a view: its picture for the preset, the progress bar and the caption of
    a step of the story, if any."""
    figure, composition = preset_figure(data, view, preset, address)
    for shape in progress_shapes(composition.width, composition.height, progress):
        figure.add_shape(shape)
    if caption is not None:
        figure.add_annotation(caption_annotation(composition, caption, float(preset.text))[0])
    return figure
