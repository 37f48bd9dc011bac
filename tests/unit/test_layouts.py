"""Pure layout pieces: the map arrays, the year controls' stepping (test codes: lay)."""

from __future__ import annotations

from callbacks.year_controls import step_year
from layouts import theme
from layouts.ids import Id
from layouts.map_figure import CHANGED_LINE_WIDTH, build_figure, map_arrays, map_patch
from layouts.page import map_arrays_for, map_frames_for
from layouts.url_state import ViewState

YEARS = range(2012, 2027)


def arrays_for(data, year, lang="en", compact=False, **options):
    return map_arrays(
        data.shapes,
        data.dataset,
        data.states(year),
        data.changes(year),
        year,
        data.as_of(year),
        lang,
        compact=compact,
        bases=data.bases(year),
        **options,
    )


def test_lay001_map_arrays_colour_label_and_outline(fixture_app_data):
    arrays = arrays_for(fixture_app_data, 2023)
    at = {iso3: i for i, iso3 in enumerate(arrays.locations)}
    assert arrays.z[at["NER"]] == theme.CLASS_ORDER.index("other_forces")
    assert arrays.z[at["SEN"]] == theme.CLASS_ORDER.index(theme.CONTEXT)
    assert arrays.line_width[at["NER"]] == CHANGED_LINE_WIDTH  # changed during 2023
    assert arrays.line_width[at["MLI"]] < CHANGED_LINE_WIDTH
    assert arrays.labels[at["NER"]] == "<b>NIGER</b><br>Other foreign forces<br><i>changed in 2023</i>"
    assert arrays.labels[at["SEN"]] == "Senegal"
    assert "US forces in Niger (forces deployed)" in arrays.hover[at["NER"]]
    assert arrays.title == "2023 — situation on 31 December 2023"


def test_lay002_french_and_compact(fixture_app_data):
    arrays = arrays_for(fixture_app_data, 2013, lang="fr", compact=True)
    at = {iso3: i for i, iso3 in enumerate(arrays.locations)}
    assert arrays.labels[at["TCD"]] == "<b>TCHAD</b>"
    assert arrays.labels[at["SEN"]] == ""
    assert arrays.lon_range == theme.COMPACT_LON_RANGE
    assert arrays.title == "2013 — situation au 31 décembre 2013"


def test_lay003_figure_has_one_choropleth_and_labels(fixture_app_data):
    figure = build_figure(fixture_app_data.shapes, arrays_for(fixture_app_data, 2020))
    assert [trace.type for trace in figure.data] == ["choropleth", "scattergeo", "scattergeo"]
    assert figure.layout.geo.scope == "africa"
    assert len(figure.data[0].locations) == len(fixture_app_data.shapes.ids)


def test_lay004_step_year():
    assert step_year(2020, Id.PREV, False, YEARS) == (2019, False)
    assert step_year(2012, Id.PREV, False, YEARS) == (2012, False)
    assert step_year(2026, Id.NEXT, False, YEARS) == (2026, False)
    assert step_year(2020, Id.PLAY, False, YEARS) == (2020, True)
    assert step_year(2026, Id.PLAY, False, YEARS) == (2012, True)  # play from the end restarts
    assert step_year(2020, Id.PLAY, True, YEARS) == (2020, False)  # pause
    assert step_year(2024, Id.PLAY_TIMER, True, YEARS) == (2025, True)
    assert step_year(2025, Id.PLAY_TIMER, True, YEARS) == (2026, False)  # stops at the last year
    assert step_year(2020, Id.PLAY_TIMER, False, YEARS) == (2020, False)


def test_lay005_partner_lens_and_selection(fixture_app_data):
    arrays = arrays_for(fixture_app_data, 2024, lens="RUS", selected="MLI")
    at = {iso3: i for i, iso3 in enumerate(arrays.locations)}
    assert arrays.z[at["MLI"]] == theme.CLASS_ORDER.index("level3")  # Russian contractors
    assert arrays.z[at["NER"]] == theme.CLASS_ORDER.index("level2")  # Russian instructors
    assert arrays.z[at["TCD"]] == theme.CLASS_ORDER.index("level0")
    assert arrays.labels[at["NER"]] == "<b>NIGER</b><br>Russia: equipment and training"
    assert arrays.line_colour[at["MLI"]] == theme.SELECTED_BORDER


def test_lay006_bases_active_at_the_date(fixture_app_data):
    assert len(arrays_for(fixture_app_data, 2020).base_lon) == 1  # Gao, 2013-2022
    assert arrays_for(fixture_app_data, 2023).base_lon == []
    assert "Gao" in arrays_for(fixture_app_data, 2020).base_hover[0]


def test_lay_frames_rebuild_each_years_patch(fixture_app_data):
    view = ViewState(year=2026, lens="FRA", country="MLI")
    frames = map_frames_for(fixture_app_data, view)
    for year in fixture_app_data.years():
        frame = frames["years"][str(year)]
        rebuilt = {tuple(path): value for path, value in frames["common"] + frame["ops"]}
        assert rebuilt == map_patch(map_arrays_for(fixture_app_data, view.with_(year=year))), year
