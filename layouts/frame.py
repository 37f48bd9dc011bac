"""One frame of the time-lapse video: the published picture of a month (`layouts.image`) at a
preset's size, with a progress bar across the bottom and, at a step of the story, its caption.

The overlays are plotly shapes and annotations placed in pixels of the canvas, so they render with
the rest of the picture. A caption is wrapped by its estimated width and drawn in a box of fixed
size: it always fits inside the canvas, and a line longer than estimated would be clipped by its
box, never drawn past the edge.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from data.context import AppData
from data.view import View
from layouts import theme
from layouts.image import MAP_DOMAIN_X, image_figure
from layouts.presets import Preset
from layouts.text import plotly_text

PROGRESS_HEIGHT = 8  # px, at the very bottom of the canvas
PROGRESS_TRACK = theme.LINE
PROGRESS_FILL = theme.ACCENT
CAPTION_FONT = 18  # px
CHAR_WIDTH = 0.55  # em: wider than the average letter of the theme's sans-serif faces
LINE_HEIGHT = 1.3  # em: plotly's spacing of lines in a text
CAPTION_INSET = 10  # px between the caption's box and the edge of the map's area
CAPTION_PAD = 8  # px between the caption's text and its box
CAPTION_BORDER = 1  # px


@dataclass(frozen=True)
class Caption:
    """A step of the story on a frame: its date written out, and its text."""

    date: str
    text: str


@dataclass(frozen=True)
class Canvas:
    """A figure's canvas and plot area, to turn pixels into plotly's paper coordinates."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom

    def paper_x(self, px: float) -> float:
        """Paper x of a point `px` pixels from the canvas's left edge."""
        return (px - self.left) / self.plot_width

    def paper_y(self, px: float) -> float:
        """Paper y of a point `px` pixels above the canvas's bottom edge."""
        return (px - self.bottom) / self.plot_height


def canvas_of(figure: go.Figure, preset: Preset) -> Canvas:
    margin = figure.layout.margin
    return Canvas(
        preset.width,
        preset.height,
        int(margin.l or 0),
        int(margin.r or 0),
        int(margin.t or 0),
        int(margin.b or 0),
    )


def wrap_caption(caption: Caption, width_px: float, font_px: int = CAPTION_FONT) -> list[str]:
    """The caption's lines (the date first, in bold), wrapped to fit `width_px`."""
    chars = max(10, int(width_px / (CHAR_WIDTH * font_px)))
    lines = [caption.date, *textwrap.wrap(caption.text, chars, break_long_words=True)]
    return [textwrap.shorten(line, chars, placeholder="…") if len(line) > chars else line for line in lines]


def progress_shapes(canvas: Canvas, progress: float) -> list[dict]:
    """A bar across the bottom of the canvas, filled from the left by `progress` (0 to 1)."""
    done = min(max(progress, 0.0), 1.0)
    bar = {
        "type": "rect",
        "xref": "paper",
        "yref": "paper",
        "y0": canvas.paper_y(0),
        "y1": canvas.paper_y(PROGRESS_HEIGHT),
        "line": {"width": 0},
        "layer": "above",
    }
    return [
        {**bar, "x0": canvas.paper_x(0), "x1": canvas.paper_x(canvas.width), "fillcolor": PROGRESS_TRACK},
        {
            **bar,
            "x0": canvas.paper_x(0),
            "x1": canvas.paper_x(canvas.width * done),
            "fillcolor": PROGRESS_FILL,
        },
    ]


def caption_annotation(canvas: Canvas, caption: Caption) -> dict:
    """The caption in a box at the bottom left of the map's area, as wide as the map."""
    outer_width = MAP_DOMAIN_X[1] * canvas.plot_width - 2 * CAPTION_INSET
    text_width = math.floor(outer_width - 2 * (CAPTION_PAD + CAPTION_BORDER))
    lines = wrap_caption(caption, text_width)
    line_px = math.ceil(LINE_HEIGHT * CAPTION_FONT)
    text = "<br>".join([f"<b>{plotly_text(lines[0])}</b>", *(plotly_text(line) for line in lines[1:])])
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": canvas.paper_x(canvas.left + CAPTION_INSET),
        "y": canvas.paper_y(canvas.bottom + CAPTION_INSET),
        "xanchor": "left",
        "yanchor": "bottom",
        "align": "left",
        "valign": "middle",
        "width": text_width,
        "height": line_px * len(lines) + 4,
        "showarrow": False,
        "bgcolor": theme.OVERLAY,
        "bordercolor": theme.LINE,
        "borderwidth": CAPTION_BORDER,
        "borderpad": CAPTION_PAD,
        "font": {"size": CAPTION_FONT, "color": theme.TEXT_COLOUR},
    }


def frame_figure(
    data: AppData, view: View, preset: Preset, *, progress: float = 0.0, caption: Caption | None = None
) -> go.Figure:
    """The video's frame of a view: its published picture at the preset's size, the progress bar
    and the caption of a step of the story, if any."""
    figure = image_figure(data, view, (preset.width, preset.height))
    canvas = canvas_of(figure, preset)
    for shape in progress_shapes(canvas, progress):
        figure.add_shape(shape)
    if caption is not None:
        figure.add_annotation(caption_annotation(canvas, caption))
    return figure
