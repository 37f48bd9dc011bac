"""Pure layout pieces: the map arrays and frames, the legend, the controls' stepping, the panel
(test codes: lay)."""

from __future__ import annotations

import datetime as dt

from dash import html

from data.describe import source_labels
from data.view import View
from layouts import theme
from layouts.legend import legend, legend_annotation, legend_html
from layouts.map_figure import CHANGED_LINE_WIDTH, build_figure, map_arrays_for, map_frames
from layouts.panel import panel_content, panel_key
from layouts.table import events_rows
from tests.conftest import CALENDAR, TODAY, month, texts, year


def arrays_for(data, value, lang="en", compact=False, **options):
    return map_arrays_for(data, View(period=year(value), lang=lang, **options), compact=compact)


def test_lay001_map_arrays_colour_label_and_outline(fixture_app_data):
    arrays = arrays_for(fixture_app_data, 2023)
    at = {iso3: i for i, iso3 in enumerate(arrays.locations)}
    assert arrays.z[at["NER"]] == theme.CLASS_ORDER.index("other_forces")
    assert arrays.z[at["SEN"]] == theme.CLASS_ORDER.index(theme.CONTEXT)
    assert arrays.line_width[at["NER"]] == CHANGED_LINE_WIDTH  # changed during 2023
    assert arrays.line_width[at["MLI"]] < CHANGED_LINE_WIDTH
    assert (
        arrays.labels[at["NER"]] == "<b>NIGER</b><br>✖ coup, July 2023<br>Other foreign forces: United States"
        "<br><i>changed in December 2023</i>"
    )
    assert arrays.labels[at["SEN"]] == "Senegal"
    # A short hover: name, status (naming the other forces), and where the rest is.
    assert arrays.hover[at["NER"]] == (
        "<b>Niger</b><br>Other foreign forces: United States<br><i>Click for details</i>"
    )
    assert arrays.title == "Situation on 31 December 2023"


def test_lay002_french_and_compact(fixture_app_data):
    arrays = arrays_for(fixture_app_data, 2013, lang="fr", compact=True)
    at = {iso3: i for i, iso3 in enumerate(arrays.locations)}
    assert arrays.labels[at["TCD"]] == "<b>TCHAD</b>"
    assert arrays.labels[at["SEN"]] == ""
    assert arrays.lon_range == theme.COMPACT_LON_RANGE
    assert arrays.title == "Situation au 31 décembre 2013"


def test_lay003_figure_has_one_choropleth_and_labels(fixture_app_data):
    figure = build_figure(fixture_app_data.shapes, arrays_for(fixture_app_data, 2020))
    # Countries, labels, bases, (the alliances' outlines: none in the fixture), the selection's line.
    assert [trace.type for trace in figure.data] == ["choropleth", *["scattergeo"] * 3]
    assert [trace.name for trace in figure.data] == ["alignment", "labels", "bases", "selected"]
    assert figure.layout.geo.scope == "africa"
    assert len(figure.data[0].locations) == len(fixture_app_data.shapes.ids)


def test_lay005_partner_lens_and_selection(fixture_app_data):
    arrays = arrays_for(fixture_app_data, 2024, lens="RUS", country="MLI")
    at = {iso3: i for i, iso3 in enumerate(arrays.locations)}
    assert arrays.z[at["MLI"]] == theme.CLASS_ORDER.index(theme.lens_class("RUS", 3))  # Russian contractors
    assert arrays.z[at["NER"]] == theme.CLASS_ORDER.index(theme.lens_class("RUS", 2))  # Russian instructors
    assert arrays.z[at["TCD"]] == theme.CLASS_ORDER.index("level0")
    assert arrays.labels[at["NER"]] == "<b>NIGER</b><br>Russia: equipment and training"
    lons, _ = arrays.selected_line  # the selection: a line of its own around Mali
    assert len(lons) > 20 and all(lon is None or -13 < lon < 5 for lon in lons)
    assert arrays_for(fixture_app_data, 2024).selected_line == ([], [])


def test_lay006_bases_active_at_the_date(fixture_app_data):
    assert arrays_for(fixture_app_data, 2020).base_visible == [True]  # Gao, 2013-2022
    assert arrays_for(fixture_app_data, 2023).base_visible == [False]
    assert arrays_for(fixture_app_data, 2023).base_lon == [None]  # not drawn on an image
    every = map_arrays_for(fixture_app_data, View(period=year(2023)), draw_every_base=True)
    assert every.base_lon == [-0.0447] and every.base_visible == [False]  # drawn, hidden by the page
    assert "Gao" in arrays_for(fixture_app_data, 2020).base_hover[0]


def test_lay007_frames_hold_every_month_dictionary_encoded(fixture_app_data):
    view = View(period=year(2026), lens="FRA", country="MLI")
    frames = map_frames(fixture_app_data, view)
    assert set(frames["periods"]) == {str(p.slider_value()) for p in CALENDAR}
    for period in (month(2012, 1), month(2016, 7), month(2022, 3), month(2026, 11)):
        frame = frames["periods"][str(period.slider_value())]
        arrays = map_arrays_for(fixture_app_data, view.with_(period=period), draw_every_base=True)
        cells = [frames["cells"][i] for i in frame["c"]]
        assert [c[1] for c in cells] == arrays.z
        assert [c[4] for c in cells] == arrays.labels and [c[7] for c in cells] == arrays.hover
        assert frame["b"] == [i for i, shown in enumerate(arrays.base_visible) if shown]
        assert frame["title"] == arrays.title and frame["label"] == period.label("en")
    mali = frames["locations"].index("MLI")
    june_2022 = frames["cells"][frames["periods"][str(month(2022, 6).slider_value())]["c"][mali]]
    assert june_2022[0] == "rgb(0, 80, 125)"  # French forces deployed: the dark of the French lens
    assert frames["periods"]["24275"]["as_of"] == "Situation on 31 December 2022"
    assert len(frames["cells"]) < 60  # few distinct looks: months repeat them


def test_lay008_one_legend_for_every_place(fixture_dataset):
    model = legend(fixture_dataset, "alignment", "en")
    assert [e.label for e in model.entries] == [
        "French forces",
        "French withdrawal under way",
        "Russian forces, instructors or arms",
        "Other foreign forces",
        "No principal foreign force",
        "Neighbouring country",
        "Thick outline: changed during the month",
        "Alliance of Sahel States",
        "G5 Sahel (its members among the four)",
    ]
    assert [e.line for e in model.entries][-2:] == ["AES", "G5S"]
    assert [e.glyph for e in model.bases] == ["□", "◇", "△", "○", "✚", "②"]  # ② several at one place
    assert texts(legend_html(model))[:2] == ["Principal security partner", "French forces"]
    lens = legend(fixture_dataset, "RUS", "fr", bases=False, short=True)
    assert lens.title == "Présence : Russie" and lens.bases == ()
    assert not any(e.outline for e in lens.entries)  # a lens outlines no change
    text = legend_annotation(lens)
    assert (
        text.startswith("<b>Présence : Russie</b><br>") and "forces déployées" in text and "Bases" not in text
    )
    wall = legend(fixture_dataset, "alignment", "en", neighbours=False, changed=False, bases=False)
    assert len(wall.entries) == 7  # the five colours and the two alliances' lines


def test_lay009_a_new_base_operator_needs_no_other_change(fixture_dataset, monkeypatch):
    monkeypatch.setitem(theme.BASE_STYLES, "TUR", "star")
    monkeypatch.setitem(theme.SYMBOL_GLYPHS, "star", "☆")
    model = legend(fixture_dataset, "alignment", "en")
    assert ("Turkey", "☆") in [(e.label, e.glyph) for e in model.bases]


def test_lay010_panel_for_the_period_and_for_a_country(fixture_app_data):
    overview = texts(panel_content(fixture_app_data, View(period=month(2023, 8))))
    assert overview[0] == "At a glance" and "Key events of 2023" in overview
    assert "What changed in August 2023" in overview and "What changed in 2023" in overview
    assert "2023-08-03" not in overview and "No change of principal partner this month." in overview
    country = texts(panel_content(fixture_app_data, View(period=year(2023), lang="fr", country="NER")))
    assert country[0] == "Niger" and "Changements depuis 2012" in country
    # Two parts: what a month step rewrites, and what only the year (country, language) changes.
    now, year_part = panel_content(fixture_app_data, View(period=year(2023)))
    assert isinstance(now.children[0], html.H2) and "Key events of 2023" in texts(year_part.children)
    assert panel_key(View(period=month(2023, 8))) == panel_key(View(period=month(2023, 2)))
    assert panel_key(View(period=month(2023, 8))) != panel_key(View(period=month(2022, 8)))
    assert panel_key(View(period=year(2023), country="NER")) != panel_key(View(period=year(2023)))


def test_lay011_sources_name_the_original_first_and_say_state_media(fixture_app_data):
    labels = source_labels(fixture_app_data, ("S5", "S6", "S4"), "en")
    assert [(label.text, label.detail) for label in labels] == [
        ("Fixture Wire, 27 July 2023", ""),  # the original of record first
        ("Fixture Wire, 26 July 2023", "copy read on Mirror Site"),  # a copy names its original
        ("Fixture State TV, 12 April 2024", "state media, Russia"),  # state media last, labelled
    ]
    french = source_labels(fixture_app_data, ("S5",), "fr")[0]
    assert french.detail == "média d'État, Russie" and french.state_media


def test_lay012_rows_not_confirmed_are_marked(fixture_app_data):
    events = texts(panel_content(fixture_app_data, View(period=year(2021))))
    assert "reported" in events  # E3, the Russian contractors, rests on one outlet
    niger = texts(panel_content(fixture_app_data, View(period=year(2023), country="NER")))
    assert "reported" not in niger
    table = events_rows(fixture_app_data, fixture_app_data.dataset.events, "fr")
    assert table["head"] == ["Date", "Pays", "Événement", "Sources"]
    russians = next(row for row in table["rows"] if row[2] == "Arrivée de forces russes")
    assert russians[3] == "(rapporté)"
    sources = [source for row in table["rows"] for source in row[5]]
    assert [
        "Fixture Wire, 26 juillet 2023",
        "https://mirror.example.net/fixture/s6",
        "(copie lue sur Mirror Site)",
    ] in sources


def test_lay020_timeline_bars_in_the_partners_map_colours_grouped_by_country(fixture_app_data):
    from layouts.timeline import timeline_figure

    figure = timeline_figure(fixture_app_data, View(period=year(2024)))
    bars = figure.data[0]
    rows = [
        p
        for p in fixture_app_data.dataset.partnerships
        if p.end_date is None or p.end_date > CALENDAR.first.first_day
    ]
    by_id = {p.id: p for p in rows}
    assert len(bars.customdata) == len(rows)
    for (_, pid), colour, country in zip(bars.customdata, bars.marker.color, bars.y[0], strict=True):
        p = by_id[pid]
        assert colour == theme.partner_colour(p.partner, int(p.level))
        assert country == fixture_app_data.shapes.name(p.country, "en").upper()  # the row's group
    # Russia's bars are in Russia's hue, never France's.
    assert theme.partner_colour("RUS", 3) not in theme.LENS_RAMPS["FRA"]
    names = [trace.name for trace in figure.data]
    assert {"Coup", "Withdrawal announced", "Withdrawal completed", "France"} <= set(names)
    legend_colours = {trace.name: trace.marker.color for trace in figure.data if trace.x == (None,)}
    assert legend_colours["France"] == theme.partner_colour("FRA", 3)
    assert figure.layout.yaxis.type == "multicategory"


def test_lay021_a_coup_is_marked_for_the_year_after_it(fixture_app_data):
    from data.state import last_coup, recent_coup

    events = fixture_app_data.dataset.events
    coup = last_coup(events, "NER", dt.date(2023, 12, 31))
    assert coup is not None and coup.date == dt.date(2023, 7, 26)
    assert recent_coup(events, "NER", dt.date(2024, 6, 30)) == coup
    assert recent_coup(events, "NER", dt.date(2024, 7, 31)) is None  # twelve months on
    assert last_coup(events, "NER", dt.date(2023, 7, 25)) is None
    at = {iso3: i for i, iso3 in enumerate(arrays_for(fixture_app_data, 2013).locations)}
    assert "coup" not in arrays_for(fixture_app_data, 2025).labels[at["NER"]]


def test_lay022_the_country_panel_names_the_last_coup(fixture_app_data):
    import dataclasses

    from data.schema import EventType

    coup = next(e for e in fixture_app_data.dataset.events if e.type == EventType.COUP)
    handover = coup.model_copy(
        update={"id": "E9", "date": dt.date(2023, 9, 1), "type": EventType.CIVILIAN_RULE}
    )
    dataset = dataclasses.replace(
        fixture_app_data.dataset, events=(*fixture_app_data.dataset.events, handover)
    )
    data = dataclasses.replace(fixture_app_data, dataset=dataset)
    text = " ".join(texts(panel_content(data, View(period=year(2024), country="NER"))))
    assert "Last coup: 26 July 2023" in text and "Coup in Niger" in text
    assert "Military government" not in text  # civilians governed again from September 2023
    assert "Last coup" not in str(panel_content(fixture_app_data, View(period=year(2024), country="TCD")))


def test_lay023_alliances_outlined_from_their_founding(shapes):
    from data.alliances import every_outline, outlines_on
    from data.context import AppData
    from data.loader import DATA_DIR, load_dataset

    real = AppData(dataset=load_dataset(DATA_DIR, geography=shapes), shapes=shapes, clock=lambda: TODAY)
    rows = real.dataset.partnerships
    keys = [o.key for o in every_outline(rows)]
    assert keys and all(k.split(":")[0] in ("AES", "G5S") for k in keys)
    assert [o.key for o in outlines_on(rows, dt.date(2012, 6, 1))] == []
    assert [o.key for o in outlines_on(rows, dt.date(2014, 3, 1))] == ["G5S:MLI+BFA+NER+TCD"]
    both = [o.key for o in outlines_on(rows, dt.date(2023, 10, 31))]
    assert both == ["AES:MLI+BFA+NER", "G5S:BFA+NER+TCD"]  # Mali left the G5 in May 2022
    figure = build_figure(shapes, map_arrays_for(real, View(period=year(2023))))
    outlines = figure.data[3:-1]
    assert [trace.name for trace in outlines] == keys
    shown = {trace.name for trace in outlines if trace.visible}
    assert shown == {o.key for o in outlines_on(rows, real.as_of(year(2023)))} == {"AES:MLI+BFA+NER"}
    assert all(trace.line.dash in ("dash", "dot") and trace.hoverinfo == "skip" for trace in outlines)


def test_lay031_a_military_government_lasts_from_its_first_coup_until_civilians_return(fixture_app_data):
    from data.schema import EventType
    from data.state import military_rule_since

    coup = next(e for e in fixture_app_data.dataset.events if e.type == EventType.COUP)
    second = coup.model_copy(update={"id": "E8", "date": dt.date(2024, 5, 24)})
    handover = coup.model_copy(
        update={"id": "E9", "date": dt.date(2025, 4, 12), "type": EventType.CIVILIAN_RULE}
    )
    events = (coup, second, handover)
    assert military_rule_since(events, "NER", dt.date(2023, 7, 25)) is None
    assert military_rule_since(events, "NER", dt.date(2024, 12, 31)) == coup  # the second coup keeps it
    assert military_rule_since(events, "NER", dt.date(2025, 4, 12)) is None
    assert military_rule_since(events, "MLI", dt.date(2024, 12, 31)) is None


def test_lay032_the_panel_says_since_when_the_military_governs(fixture_app_data):
    english = " ".join(texts(panel_content(fixture_app_data, View(period=year(2024), country="NER"))))
    assert "Military government since 26 July 2023" in english and "Coup in Niger" in english
    assert "Last coup" not in english  # the coup that opened it is named once
    french = " ".join(
        texts(panel_content(fixture_app_data, View(period=year(2024), country="NER", lang="fr")))
    )
    assert "Gouvernement militaire depuis le 26 juillet 2023" in french
