"""Colours, fonts and map framing in one place (CSS for the page lives in `assets/style.css`).

The alignment palette comes from the Okabe–Ito set, chosen to stay distinguishable under the common
colour-vision deficiencies; colour is never the only cue (labels and legend say it in words).
"""

from __future__ import annotations

from data.state import Alignment

CONTEXT = "context"  # class of the neighbouring countries drawn for orientation

ALIGNMENT_COLOURS: dict[str, str] = {
    Alignment.FRANCE: "#0072B2",  # Okabe–Ito blue
    Alignment.FRANCE_LEAVING: "#56B4E9",  # sky blue
    Alignment.RUSSIA: "#D55E00",  # vermillion
    Alignment.OTHER_FORCES: "#E69F00",  # orange
    Alignment.NONE: "#BDBDBD",  # light grey
    CONTEXT: "#F3F3F1",  # near-white grey
}

# A partner lens colours each focus country by that partner's deepest level there (0 = absent):
# one hue, light to dark, which reads the same with every colour-vision deficiency.
LENS_COLOURS: dict[int, str] = {0: "#C8C8C8", 1: "#C6DBEF", 2: "#6BAED6", 3: "#08519C"}
LENS_CLASSES: tuple[str, ...] = tuple(f"level{level}" for level in LENS_COLOURS)
ALIGNMENT_COLOURS.update({f"level{level}": colour for level, colour in LENS_COLOURS.items()})

# Colour-code order: the z value of a class is its index here; one colour scale serves every view,
# so changing the year or the lens only changes z.
CLASS_ORDER: tuple[str, ...] = (*(a.value for a in Alignment), CONTEXT, *LENS_CLASSES)
ALIGNMENT_LEGEND: tuple[str, ...] = (*(a.value for a in Alignment), CONTEXT)

SELECTED_BORDER = "#6A3D9A"  # the country open in the panel

# Bases by operator: one marker shape each, white with a dark outline so that it shows on every
# fill colour (an operator's colour would vanish on its own country's fill).
BASE_STYLES: dict[str, tuple[str, str]] = {
    "FRA": ("square", "#FFFFFF"),
    "RUS": ("diamond", "#FFFFFF"),
    "USA": ("triangle-up", "#FFFFFF"),
    "UN": ("circle", "#FFFFFF"),
}
OTHER_BASE_STYLE = ("cross", "#FFFFFF")
BASE_OUTLINE = "#1A1A1A"

FONT_FAMILY = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1A1A1A"
MUTED_TEXT = "#6B6B6B"
BORDER = "#FFFFFF"
CHANGED_BORDER = "#111111"
OCEAN = "#DCE7EE"
LAND = "#F3F3F1"

# Senegal to Sudan, southern Algeria to the Gulf of Guinea.
LON_RANGE = (-18.5, 39.0)
LAT_RANGE = (3.0, 27.5)
# On a phone: the four focus countries only, so they are not drawn too small to read.
COMPACT_LON_RANGE = (-12.5, 24.5)
COMPACT_LAT_RANGE = (7.0, 24.0)
COMPACT_MAX_WIDTH = 700  # px; below this the page asks for the compact map


def stepped_colourscale() -> list[list[object]]:
    """A colour scale on which integer z values 0..n-1 each hit one flat colour band."""
    n = len(CLASS_ORDER)
    scale: list[list[object]] = []
    for i, name in enumerate(CLASS_ORDER):
        colour = ALIGNMENT_COLOURS[name]
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale
