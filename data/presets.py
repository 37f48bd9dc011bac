"""The sizes a published picture comes in, each laid out for itself (`layouts.image`): the same in
the share dialog's download, `/snapshot/…?preset=`, the static export and the time-lapse video."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    width: int
    height: int | None  # None: as tall as its content (an article's column sets only the width)
    text: int  # body text in px at 1×; titles and labels scale from it

    @property
    def legend_below(self) -> bool:
        """Under 800 px, and on a square or portrait canvas, the legend goes under the map."""
        return self.width < 800 or (self.height is not None and self.height >= 0.9 * self.width)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("article", 640, None, 13),
        Preset("wide", 1200, 675, 16),
        Preset("square", 1080, 1080, 20),
        Preset("story", 1080, 1920, 26),
    )
}
DEFAULT_PRESET = "wide"
VIDEO_PRESETS = ("wide", "square", "story")  # a video needs a fixed size
PAPERS: dict[str, str] = {"a4": "A4", "letter": "letter"}  # the briefing handout's paper -> CSS's @page size
DEFAULT_PAPER = "a4"
PNG_SCALE = 2  # a preset's PNG is drawn at twice its size: sharp on high-density screens and in print


def sized_preset(width: int, height: int | None) -> Preset:
    """A layout for any other size: text from 13 px (a 640 px column) to 26 px, with the width."""
    return Preset("custom", width, height, round(min(26.0, max(13.0, width / 75))))
