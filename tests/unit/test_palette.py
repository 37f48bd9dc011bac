"""The palette survives colour-vision deficiencies; text meets WCAG AA contrast; the page's CSS takes
every colour from the theme (test codes: pal)."""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from data.state import FRANCE, RUSSIA, Alignment
from layouts import theme
from layouts.palette import contrast, delta_e, label_colour, luminance
from publish.static_site import STYLE as STATIC_STYLE
from tests.conftest import ROOT

STYLE_CSS = (ROOT / "assets" / "style.css").read_text(encoding="utf-8")

DEFICIENCIES = ("normal", "protanopia", "deuteranopia", "tritanopia")
MIN_DELTA_E = 12.0  # comfortably distinguishable side by side


VIEWS = {
    "alignment": theme.ALIGNMENT_LEGEND,
    **{partner: (*theme.lens_classes(partner), theme.CONTEXT) for partner in theme.PARTNER_LENSES},
}


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("classes", list(VIEWS.values()), ids=list(VIEWS))
def test_pal001_map_colours_stay_distinct(deficiency, classes):
    for a, b in combinations(classes, 2):
        distance = delta_e(theme.ALIGNMENT_COLOURS[a], theme.ALIGNMENT_COLOURS[b], deficiency)
        assert distance >= MIN_DELTA_E, (a, b, round(distance, 1))


@pytest.mark.parametrize("klass", theme.CLASS_ORDER)
def test_pal002_map_labels_readable_on_every_fill(klass):
    """Every class's fill, lens classes included, takes a black or white label at WCAG AA."""
    fill = theme.ALIGNMENT_COLOURS[klass]
    assert contrast(label_colour(fill), fill) >= 4.5


@pytest.mark.parametrize(
    ("text", "background"),
    [
        (theme.TEXT_COLOUR, theme.WHITE),  # body text
        (theme.MUTED_TEXT, theme.WHITE),  # muted text
        (theme.MUTED_TEXT, theme.PANEL_BACKGROUND),  # muted text in the panel
        (theme.ACCENT, theme.PANEL_BACKGROUND),  # links in the panel
        (theme.MUTED_TEXT, theme.LAND),  # neighbours' names on the map
        (theme.WHITE, theme.SELECTED_BORDER),  # selected country button
        (theme.TEXT_COLOUR, theme.NOTICE_BACKGROUND),  # notice
        (theme.SECONDARY_TEXT, theme.WHITE),  # sources in briefing mode
    ],
    ids=["body", "muted", "panel", "links", "neighbours", "selected", "notice", "briefing"],
)
def test_pal003_text_contrast_aa(text, background):
    assert contrast(text, background) >= 4.5


def test_pal004_contrast_reference_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("css", [STYLE_CSS, STATIC_STYLE], ids=["style.css", "static pages"])
def test_pal005_css_takes_every_colour_from_the_theme(css):
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", css) == []
    used = set(re.findall(r"var\(--([a-z0-9_-]+)\)", css))
    assert used and used <= set(theme.CSS_VARIABLES), used - set(theme.CSS_VARIABLES)


def test_pal006_css_variables_carry_the_theme():
    css = theme.css_variables()
    assert css.startswith(":root{") and css.endswith("}")
    for name, colour in theme.ALIGNMENT_COLOURS.items():
        assert f"--class-{name}:{colour};" in css
    assert f"--muted:{theme.MUTED_TEXT};" in css and f"--text:{theme.TEXT_COLOUR};" in css


def smallest_difference(classes: tuple[str, ...], deficiency: str) -> float:
    return min(
        delta_e(theme.ALIGNMENT_COLOURS[a], theme.ALIGNMENT_COLOURS[b], deficiency)
        for a, b in combinations(classes, 2)
    )


def test_pal007_the_methodologys_table_is_what_the_palette_gives():
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    lenses = [classes for name, classes in VIEWS.items() if name != "alignment"]
    expected = [
        (
            f"{smallest_difference(theme.ALIGNMENT_LEGEND, d):.1f}",
            f"{min(smallest_difference(classes, d) for classes in lenses):.1f}",
        )
        for d in DEFICIENCIES
    ]
    for half in text.split("\n## Français\n"):
        rows = re.findall(r"^\| [^|]+ \| (\d+[.,]\d) [^|]*\| (\d+[.,]\d) ", half, re.MULTILINE)
        assert [(a.replace(",", "."), b.replace(",", ".")) for a, b in rows] == expected


def test_pal009_every_lens_has_its_ramp():
    assert set(theme.LENS_RAMPS) == {*theme.PARTNER_LENSES, theme.OTHER_PARTNERS}


@pytest.mark.parametrize("partner", list(theme.LENS_RAMPS))
def test_pal008_a_lens_ramp_is_one_hue_light_to_dark(partner):
    ramp = theme.LENS_RAMPS[partner]
    lightness = [luminance(colour) for colour in ramp]
    assert lightness == sorted(lightness, reverse=True)  # political ties lightest, forces darkest
    # France's lens is blue and Russia's vermilion, as their forces are in the principal-partner view.
    if partner in (FRANCE, RUSSIA):
        alignment = theme.ALIGNMENT_COLOURS[Alignment.FRANCE if partner == FRANCE else Alignment.RUSSIA]
        others = [r[2] for p, r in theme.LENS_RAMPS.items() if p != partner]
        assert all(delta_e(ramp[2], alignment, "normal") < delta_e(o, alignment, "normal") for o in others)


DARK_VIEWS = {
    name: tuple(
        theme.DARK_LAND if klass == theme.CONTEXT else theme.ALIGNMENT_COLOURS[klass] for klass in classes
    )
    for name, classes in VIEWS.items()
}


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize("colours", list(DARK_VIEWS.values()), ids=list(DARK_VIEWS))
def test_pal010_dark_theme_colours_stay_distinct(deficiency, colours):
    """The embed's dark theme: every view's colours, with the dark neighbours, as far apart as the
    light theme's."""
    for a, b in combinations(colours, 2):
        distance = delta_e(a, b, deficiency)
        assert distance >= MIN_DELTA_E, (a, b, round(distance, 1))


DARK = theme.DARK_CSS_VARIABLES


@pytest.mark.parametrize(
    ("text", "background", "least"),
    [
        (DARK["text"], DARK["white"], 4.5),  # body text
        (DARK["muted"], DARK["white"], 4.5),  # the credit, the slider's marks
        (DARK["accent"], DARK["white"], 4.5),  # links
        (DARK["text"], DARK["panel-bg"], 4.5),
        (DARK["muted"], theme.DARK_LAND, 4.5),  # neighbours' names on the map
        (DARK["white"], DARK["selected"], 4.5),  # a pressed button's text
        (DARK["text"], DARK["notice-bg"], 4.5),  # the review notice
        *((DARK[f"base-{op.lower()}"], DARK["white"], 3.0) for op in theme.BASE_STYLES),  # legend marks
        (theme.DARK_STRONG, theme.DARK_LAND, 3.0),  # the thick outline of change, the alliance's line
        (theme.DARK_MUTED, theme.DARK_LAND, 3.0),  # the G5 Sahel's line
    ],
)
def test_pal011_dark_theme_text_contrast_aa(text, background, least):
    assert contrast(text, background) >= least


def test_pal012_the_dark_theme_sets_the_pages_own_variables():
    css = theme.css_variables()
    light, dark = css.split("html[data-theme=dark]{")
    assert light.startswith(":root{") and dark.startswith("color-scheme:dark;")
    own = {name for name in DARK if not name.startswith("Dash-")}
    assert own <= set(theme.CSS_VARIABLES), own - set(theme.CSS_VARIABLES)
    assert f"--white:{theme.DARK_BACKGROUND};" in dark and f"--class-context:{theme.DARK_LAND};" in dark
