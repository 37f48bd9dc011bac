"""The sizes a picture of the map is made at for a video or a post, in one table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    name: str
    width: int  # px
    height: int  # px


PRESETS: dict[str, Preset] = {
    preset.name: preset
    for preset in (
        Preset("wide", 1200, 675),  # 16:9, a screen or a slide
        Preset("square", 1080, 1080),  # a feed
        Preset("story", 1080, 1920),  # 9:16, a phone held upright
    )
}
DEFAULT_PRESET = "wide"
