"""Published pictures laid out per preset (`layouts.picture`): every text inside the canvas, none
overlapping another or the map, no text under 12 px, in both languages."""

from __future__ import annotations

import itertools
import json

import pytest

from data.presets import PRESETS, Preset, sized_preset
from data.view import View, parse_snapshot
from layouts.picture import MIN_TEXT, compose, preset_figure
from tests.conftest import CALENDAR, month


@pytest.fixture(scope="module")
def real_data():
    from data.context import load_app_data

    return load_app_data()


VIEWS = [
    View(period=month(2013, 6)),
    View(period=month(2023, 10), lang="fr"),
    View(period=month(2023, 10), lens="RUS"),
    View(period=month(2026, 4), lang="fr", lens="FRA", country="TCD"),
    View(period=month(2026, 12)),  # past the review date: the picture says so
]


def _check(composition) -> None:
    canvas = (0, 0, composition.width, composition.height)
    for name, box in composition.boxes:
        inside = box.left >= canvas[0] and box.top >= canvas[1]
        assert inside and box.right <= canvas[2] and box.bottom <= canvas[3], (name, box, canvas)
    for (a, first), (b, second) in itertools.combinations(composition.boxes, 2):
        assert not first.hits(second), (a, first, b, second)
    sizes = [note["font"]["size"] for note in composition.layout["annotations"]]
    assert min(sizes) >= MIN_TEXT


@pytest.mark.parametrize("preset", list(PRESETS.values()), ids=list(PRESETS))
@pytest.mark.parametrize("view", VIEWS, ids=range(len(VIEWS)))
def test_pic001_every_text_inside_the_canvas_and_apart(real_data, preset: Preset, view: View):
    composition = compose(real_data, view, preset, "sahel-map.example.org")
    _check(composition)
    assert composition.least_height == 0
    texts = " ".join(note["text"] for note in composition.layout["annotations"])
    assert "Natural Earth" in texts and "sahel-map.example.org" in texts
    assert ("31 October 2023" in texts) or ("octobre 2023" in texts) or view.period.year != 2023
    if preset.height is not None:
        assert composition.height == preset.height
    domain = composition.layout["geo"]["domain"]
    if preset.legend_below:  # the legend under the map: the map spans the width
        assert domain["x"][1] - domain["x"][0] > 0.9


def test_pic002_an_article_is_as_tall_as_its_content(real_data):
    english = compose(real_data, View(period=month(2023, 10)), PRESETS["article"])
    french = compose(real_data, View(period=month(2023, 10), lang="fr"), PRESETS["article"])
    assert english.width == french.width == 640
    assert 450 < english.height < 900 and 450 < french.height < 900
    bottom = max(box.bottom for _, box in english.boxes)
    assert english.height - bottom < 30  # no empty band under the credit


@pytest.mark.parametrize(
    "size", [(600, 600), (1200, 400), (800, 450), (1920, 1080), (400, None), (1000, None), (1600, None)]
)
def test_pic003_any_size_is_laid_out_or_refused_with_the_height_it_needs(real_data, size):
    preset = sized_preset(*size)
    for lang in ("en", "fr"):
        composition = compose(real_data, View(period=month(2022, 8), lang=lang), preset)
        assert composition.least_height == 0, (size, lang)
        _check(composition)
        if size[1] is None:  # a picture as tall as it needs keeps everything, the bases too
            assert composition.view.bases, (size, lang)
    too_small = compose(real_data, View(period=month(2022, 8)), sized_preset(320, 240))
    assert too_small.least_height > 240
    enough = compose(real_data, View(period=month(2022, 8)), sized_preset(320, too_small.least_height))
    assert enough.least_height == 0
    _check(enough)


def test_pic004_labels_and_markers_grow_with_the_preset(real_data):
    view = View(period=month(2023, 10))
    article, _ = preset_figure(real_data, view, PRESETS["article"])
    story, _ = preset_figure(real_data, view, PRESETS["story"])
    assert max(story.data[1].textfont.size) > max(article.data[1].textfont.size)
    assert min(article.data[1].textfont.size) >= MIN_TEXT
    assert min(article.data[2].textfont.size) >= MIN_TEXT


def test_pic005_snapshot_requests_name_a_preset_or_a_size():
    default = parse_snapshot("2023-10.png", {}, CALENDAR)
    assert (default.preset, default.width, default.height, default.scale) == ("wide", 1200, 675, 2.0)
    article = parse_snapshot("2023-10.svg", {"preset": "Article"}, CALENDAR)
    assert (article.preset, article.width, article.scale) == ("article", 640, 1.0)
    assert article.layout_preset().height is None
    narrow = parse_snapshot("2023-10.png", {"width": "600"}, CALENDAR)
    assert narrow.preset is None and narrow.auto_height and narrow.layout_preset().height is None
    fixed = parse_snapshot("2023-10.png", {"width": "600", "height": "600", "scale": "1"}, CALENDAR)
    assert not fixed.auto_height and fixed.layout_preset().height == 600 and fixed.scale == 1.0
    problems = parse_snapshot("2023-10.png", {"preset": "poster"}, CALENDAR)
    assert isinstance(problems, list)
    assert (
        problems[0].error("en")
        == "preset: “poster” is not one of the presets article, wide, square, story (a comparison has none)"
    )
    assert isinstance(parse_snapshot("2021-12.png", {"compare": "2024-12", "preset": "wide"}, CALENDAR), list)
    assert parse_snapshot("2021-12.png", {"compare": "2024-12"}, CALENDAR).preset is None


def test_pic006_title_legend_and_credit_say_what_is_shown(fixture_app_data):
    composition = compose(
        fixture_app_data, View(period=month(2022, 12), lang="fr", lens="RUS"), PRESETS["wide"]
    )
    notes = [note["text"] for note in composition.layout["annotations"]]
    assert notes[0] == "<b>Russie : présence au Sahel, 31 décembre 2022</b>"
    assert notes[1].startswith("Teinte : jusqu'où va la présence")
    every = " ".join(notes)
    assert "Présence : Russie" in every and "forces déployées" in every and "<b>Bases</b>" in every
    sources = len(fixture_app_data.dataset.sources)
    assert notes[-1].startswith(
        f"Source : Carte des réalignements au Sahel ({sources} sources citées) — données vérifiées"
    )
    assert "vérifiées jusqu'au 30 avril 2026 —" not in every  # 2022 is before the review date
    today = compose(fixture_app_data, View(period=month(2026, 12)), PRESETS["wide"])
    notes = [note["text"] for note in today.layout["annotations"]]
    assert notes[2] == "<b>Data reviewed up to 30 April 2026 — later changes are not shown</b>"
    json.dumps(composition.layout)  # it travels to the browser as JSON


def test_pic007_a_name_placed_off_its_country_is_dark(real_data):
    import shapely

    from layouts import theme

    moved = 0
    for preset, period in itertools.product(PRESETS, (month(2022, 8), month(2023, 10), month(2024, 6))):
        figure, _ = preset_figure(real_data, View(period=period), PRESETS[preset])
        choropleth, labels = figure.data[0], figure.data[1]
        for iso3, text, lon, lat, colour in zip(
            choropleth.locations, labels.text, labels.lon, labels.lat, labels.textfont.color, strict=True
        ):
            if not text.startswith("<b>"):
                continue
            inside = real_data.shapes.frame.geometry.loc[iso3].contains(shapely.Point(lon, lat))
            if not inside:
                moved += 1
                assert colour == theme.TEXT_COLOUR, (preset, period, iso3, colour)
    assert moved > 0  # Burkina Faso's name rarely fits inside it
