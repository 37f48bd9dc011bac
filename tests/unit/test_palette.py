"""The palette survives colour-vision deficiencies; text meets WCAG AA contrast (test codes: pal)."""

from __future__ import annotations

from itertools import combinations

import pytest

from layouts import theme
from layouts.palette import contrast, delta_e, label_colour

DEFICIENCIES = ("normal", "protanopia", "deuteranopia", "tritanopia")
MIN_DELTA_E = 12.0  # comfortably distinguishable side by side


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
@pytest.mark.parametrize(
    "classes", [theme.ALIGNMENT_LEGEND, (*theme.LENS_CLASSES, theme.CONTEXT)], ids=["alignment", "lens"]
)
def test_pal001_map_colours_stay_distinct(deficiency, classes):
    for a, b in combinations(classes, 2):
        distance = delta_e(theme.ALIGNMENT_COLOURS[a], theme.ALIGNMENT_COLOURS[b], deficiency)
        assert distance >= MIN_DELTA_E, (a, b, round(distance, 1))


@pytest.mark.parametrize("klass", theme.CLASS_ORDER)
def test_pal002_map_labels_readable_on_every_fill(klass):
    fill = theme.ALIGNMENT_COLOURS[klass]
    assert contrast(label_colour(fill), fill) >= 4.5


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("#1A1A1A", "#FFFFFF"),  # body text
        ("#5F5F5F", "#FFFFFF"),  # muted text
        ("#5F5F5F", "#F7F7F5"),  # muted text in the panel
        ("#0072B2", "#F7F7F5"),  # links in the panel
        (theme.MUTED_TEXT, theme.LAND),  # neighbours' names on the map
        ("#FFFFFF", "#6A3D9A"),  # selected country button
        ("#1A1A1A", "#FFF6E0"),  # notice
    ],
)
def test_pal003_text_contrast_aa(text, background):
    assert contrast(text, background) >= 4.5


def test_pal004_contrast_reference_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
