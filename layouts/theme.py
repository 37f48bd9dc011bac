"""Colours, fonts and map framing, defined once.

Python uses the constants below; the page's CSS (`assets/style.css`) and the static export use the
same values as CSS custom properties, which `css_variables()` writes into every page's head. A test
checks that `style.css` names no colour of its own and uses only variables defined here.

The alignment palette comes from the Okabe–Ito set, chosen to stay distinguishable under the common
colour-vision deficiencies; colour is never the only cue (labels and legend say it in words).
"""

from __future__ import annotations

from data.alliances import ALLIANCE_OF_SAHEL_STATES, G5_SAHEL
from data.state import EUROPEAN_UNION, FRANCE, RUSSIA, TURKEY, UNITED_NATIONS, UNITED_STATES, Alignment
from data.view import PARTNER_LENSES

CONTEXT = "context"  # class of the neighbouring countries drawn for orientation

ALIGNMENT_COLOURS: dict[str, str] = {
    Alignment.FRANCE: "#0072B2",  # Okabe–Ito blue
    Alignment.FRANCE_LEAVING: "#56B4E9",  # sky blue
    Alignment.RUSSIA: "#D55E00",  # vermillion
    Alignment.OTHER_FORCES: "#E69F00",  # orange
    Alignment.NONE: "#BDBDBD",  # light grey
    CONTEXT: "#F3F3F1",  # near-white grey
}

# A partner lens colours each focus country by that partner's deepest level there (1 to 3), in
# the partner's own hue from light to dark, so that a hue means one partner in every view: France
# in the blue of "French forces", Russia in the vermilion of "Russian forces". "Not present" is one
# grey for every partner. Each lens's colours, with the neighbours', stay at least ΔE 15 apart under
# every simulated colour-vision deficiency (tests/unit/test_palette.py). Partners without a lens of
# their own share OTHER_PARTNERS's greys on the timeline (the map never draws them).
LENS_ABSENT = "#989898"  # a mid grey: the light tints of "political ties" stay apart from it
OTHER_PARTNERS = "other"
LENS_RAMPS: dict[str, tuple[str, str, str]] = {
    FRANCE: ("#9EC9E2", "#338EC1", "#00507D"),  # blue
    RUSSIA: ("#EFC29E", "#E28E4C", "#954200"),  # vermilion
    UNITED_NATIONS: ("#9FD0E5", "#49A5CD", "#136486"),  # sky
    EUROPEAN_UNION: ("#DFBBD3", "#AB4C8B", "#712758"),  # reddish purple
    UNITED_STATES: ("#9ECFC1", "#0D8664", "#005A40"),  # bluish green
    TURKEY: ("#DED48A", "#BCA70D", "#817100"),  # yellow to olive
    OTHER_PARTNERS: ("#DADADA", "#ABABAB", "#6E6E6E"),  # greys: partners with no lens (timeline only)
}


def lens_class(partner: str, level: int) -> str:
    """The map class of a partner's level in a country (0: not present, the same for all)."""
    return "level0" if level == 0 else f"{partner.lower()}{level}"


def partner_colour(partner: str, level: int) -> str:
    """A partner's colour at a level (1 to 3), as the map's lens and the timeline draw it."""
    return LENS_RAMPS.get(partner, LENS_RAMPS[OTHER_PARTNERS])[level - 1]


def lens_classes(partner: str) -> tuple[str, ...]:
    """The classes a partner's lens draws, from "not present" to "forces deployed"."""
    return tuple(lens_class(partner, level) for level in (0, 1, 2, 3))


LENS_CLASSES: tuple[str, ...] = (
    "level0",
    *(lens_class(partner, level) for partner in PARTNER_LENSES for level in (1, 2, 3)),
)
ALIGNMENT_COLOURS.update({"level0": LENS_ABSENT})
ALIGNMENT_COLOURS.update(
    {
        lens_class(partner, level): partner_colour(partner, level)
        for partner in PARTNER_LENSES
        for level in (1, 2, 3)
    }
)

# Colour-code order: the z value of a class is its index here; one colour scale serves every view,
# so changing the period or the lens only changes z.
CLASS_ORDER: tuple[str, ...] = (*(a.value for a in Alignment), CONTEXT, *LENS_CLASSES)
ALIGNMENT_LEGEND: tuple[str, ...] = (*(a.value for a in Alignment), CONTEXT)

FONT_FAMILY = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"
TEXT_COLOUR = "#1A1A1A"
MUTED_TEXT = "#5F5F5F"  # secondary text on the page and neighbours' names on the map
SECONDARY_TEXT = "#333333"  # secondary text in briefing mode, read from afar
STRONG = "#111111"  # thick outlines and rules
BLACKOUT = "#000000"  # the briefing wall blacked out (B)
WHITE = "#FFFFFF"
BORDER = WHITE  # between countries
CHANGED_BORDER = STRONG
SELECTED_BORDER = "#6A3D9A"  # the country open in the panel
OCEAN = "#DCE7EE"
LAND = ALIGNMENT_COLOURS[CONTEXT]
ACCENT = "#0072B2"  # links
FOCUS_RING = "#E69F00"
LINE = "#D9D9D6"
PANEL_BACKGROUND = "#F7F7F5"
NOTICE_BACKGROUND = "#FFF6E0"
CONTROL_BORDER = "#8A8A8A"
SWATCH_BORDER = "#9A9A9A"
OVERLAY = "rgba(255, 255, 255, 0.92)"  # boxes over the map in briefing mode
GRID = "#E5E5E5"

# Bases by operator: one marker shape each, white with a dark outline so that it shows on every
# fill colour (an operator's colour would vanish on its own country's fill). Legends draw each
# shape with the glyph that looks like it.
BASE_STYLES: dict[str, str] = {
    FRANCE: "square",
    RUSSIA: "diamond",
    UNITED_STATES: "triangle-up",
    UNITED_NATIONS: "circle",
}
OTHER_BASE_STYLE = "cross"
SYMBOL_GLYPHS: dict[str, str] = {
    "square": "□",
    "diamond": "◇",
    "triangle-up": "△",
    "circle": "○",
    "cross": "✚",
}
BASE_FILL = WHITE
CLOSED_STROKE = "#B00020"  # the briefing wall's stroke across the white marker of a base that closed
BASE_SIZE = 13  # px: a base's glyph on the page
TOGETHER_SYMBOL = "circle"  # several bases at one place: one marker, their count inside
TOGETHER_SIZE = 20
BASE_OUTLINE = TEXT_COLOUR

# Alliance outlines: a dashed line a little outside the members' joint border (data/alliances.py),
# so they read apart from a country's solid outline. Colour, width (px), dash.
ALLIANCE_LINES: dict[str, tuple[str, float, str]] = {
    ALLIANCE_OF_SAHEL_STATES: (STRONG, 2.0, "dash"),
    G5_SAHEL: (MUTED_TEXT, 2.0, "dot"),
}

# Senegal to Sudan, southern Algeria to the Gulf of Guinea.
LON_RANGE = (-18.5, 39.0)
LAT_RANGE = (3.0, 27.5)
# On a phone: the four focus countries only, so they are not drawn too small to read.
COMPACT_LON_RANGE = (-12.5, 24.5)
COMPACT_LAT_RANGE = (7.0, 24.0)
COMPACT_MAX_WIDTH = 700  # px; below this the page asks for the compact map

# CSS custom properties: every colour the page's CSS and the static pages use.
CSS_VARIABLES: dict[str, str] = {
    "font": FONT_FAMILY,
    "text": TEXT_COLOUR,
    "muted": MUTED_TEXT,
    "secondary": SECONDARY_TEXT,
    "strong": STRONG,
    "white": WHITE,
    "line": LINE,
    "accent": ACCENT,
    "panel-bg": PANEL_BACKGROUND,
    "focus": FOCUS_RING,
    "notice-bg": NOTICE_BACKGROUND,
    "control-border": CONTROL_BORDER,
    "swatch-border": SWATCH_BORDER,
    "selected": SELECTED_BORDER,
    "ocean": OCEAN,
    "overlay": OVERLAY,
    "blackout": BLACKOUT,
    **{f"alliance-{name.lower()}": colour for name, (colour, _, _) in ALLIANCE_LINES.items()},
    **{f"class-{name}": colour for name, colour in ALIGNMENT_COLOURS.items()},
    **{f"base-{operator.lower()}": partner_colour(operator, 3) for operator in BASE_STYLES},
}


# The embed's dark theme (`/embed?theme=dark`, or `auto` on a reader's dark system setting): the
# page's colours and the map's ground change; the classes keep their colours (each reads on dark
# ground as on light), except the neighbours' land. Checked like the light theme for colour-vision
# deficiencies and contrast (tests/unit/test_palette.py).
DARK_BACKGROUND = "#15191C"
DARK_LAND = "#2B2F33"  # the neighbours
DARK_OCEAN = "#1B2B36"
DARK_TEXT = "#EDEDED"
DARK_MUTED = "#B5B5B5"
DARK_STRONG = "#F2F2F2"
DARK_SELECTED = "#B58CD9"
DARK_CSS_VARIABLES: dict[str, str] = {
    "text": DARK_TEXT,
    "muted": DARK_MUTED,
    "secondary": "#D0D0D0",
    "strong": DARK_STRONG,
    "white": DARK_BACKGROUND,  # the page's ground
    "line": "#3B4146",
    "accent": "#56B4E9",
    "panel-bg": "#1F2427",
    "notice-bg": "#3A3220",
    "control-border": "#7D858C",
    "swatch-border": "#6E757B",
    "selected": DARK_SELECTED,
    "ocean": DARK_OCEAN,
    "overlay": "rgba(21, 25, 28, 0.92)",
    f"class-{CONTEXT}": DARK_LAND,
    **{
        f"alliance-{name.lower()}": {STRONG: DARK_STRONG}.get(colour, DARK_MUTED)
        for name, (colour, _, _) in ALLIANCE_LINES.items()
    },
    # A base's mark in a legend: the lightest of its operator's lens reads on dark ground.
    **{f"base-{operator.lower()}": partner_colour(operator, 1) for operator in BASE_STYLES},
    # Dash's own components (the slider's marks and track).
    "Dash-Text-Strong": DARK_TEXT,
    "Dash-Text-Primary": DARK_TEXT,
    "Dash-Text-Weak": DARK_MUTED,
    "Dash-Stroke-Weak": "#3B4146",
    "Dash-Stroke-Strong": DARK_MUTED,
    "Dash-Fill-Inverse-Strong": DARK_BACKGROUND,
}
# What the dark theme changes in a map figure, light colour -> dark colour: the countries' borders,
# the neighbours' names, and the lines of the alliances and of the selection.
DARK_BORDERS: dict[str, str] = {BORDER: DARK_BACKGROUND, CHANGED_BORDER: DARK_STRONG}
DARK_NAMES: dict[str, str] = {MUTED_TEXT: DARK_MUTED}
DARK_LINES: dict[str, str] = {STRONG: DARK_STRONG, MUTED_TEXT: DARK_MUTED, SELECTED_BORDER: DARK_SELECTED}


def css_variables() -> str:
    """`:root { --text: #1A1A1A; … }` for a page's head, and the dark theme's values for a page
    marked `data-theme="dark"` (the embed)."""
    light = ":root{" + "".join(f"--{name}:{value};" for name, value in CSS_VARIABLES.items()) + "}"
    dark = "".join(f"--{name}:{value};" for name, value in DARK_CSS_VARIABLES.items())
    return light + "html[data-theme=dark]{color-scheme:dark;" + dark + "}"


def class_colour_css(klass: str) -> str:
    """The CSS value of a map class's colour (a legend swatch's background)."""
    return f"var(--class-{klass})"


def base_symbol(operator: str) -> str:
    return BASE_STYLES.get(operator, OTHER_BASE_STYLE)


def base_colour(operator: str) -> str:
    """A base marker's outline: the darkest of its operator's lens (each operator with a marker of
    its own has a lens), or the text's colour."""
    return partner_colour(operator, 3) if operator in BASE_STYLES else BASE_OUTLINE


def base_colour_css(operator: str) -> str:
    """The same, as the page's CSS names it (a legend's mark)."""
    return f"var(--base-{operator.lower()})" if operator in BASE_STYLES else "var(--text)"


def stepped_colourscale() -> list[list[object]]:
    """A colour scale on which integer z values 0..n-1 each hit one flat colour band."""
    n = len(CLASS_ORDER)
    scale: list[list[object]] = []
    for i, name in enumerate(CLASS_ORDER):
        colour = ALIGNMENT_COLOURS[name]
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale
