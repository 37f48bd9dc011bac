"""Briefing mode without a browser: the key rules, the view of a step, the story file's checks
(test codes: prs)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt

import pytest

from data.loader import DATA_DIR, DataErrors, load_dataset
from data.present import PresentState, moment, present_search, present_step
from geodata.names import FOCUS
from layouts.present import present_arrays
from tests.conftest import CALENDAR, year


@pytest.fixture(scope="module")
def story(fixture_dataset):
    return fixture_dataset.story


@pytest.mark.parametrize(
    ("start", "action", "expected"),
    [
        (PresentState(step=1), "next", PresentState(step=2)),
        (PresentState(step=12), "next", PresentState(step=12, end=True)),  # the end slide
        (PresentState(step=12, end=True), "next", PresentState(step=12, end=True)),  # stays there
        (PresentState(step=12, end=True), "prev", PresentState(step=12)),  # back to the last step
        (PresentState(step=12, end=True), "first", PresentState(step=1)),
        (PresentState(step=12, end=True, bases=True), "last", PresentState(step=12, bases=True)),
        (PresentState(step=3), "bases", PresentState(step=3, bases=True)),
        (PresentState(step=3, bases=True), "next", PresentState(step=4, bases=True)),  # K sticks
        (PresentState(step=12, end=True), "play", PresentState(step=12, period=year(2012), playing=True)),
        (PresentState(step=2), "prev", PresentState(step=1)),
        (PresentState(step=1), "prev", PresentState(step=1)),
        (PresentState(step=2), "first", PresentState(step=1)),
        (PresentState(step=1), "last", PresentState(step=12)),
        (PresentState(step=2, lang="fr"), "next", PresentState(step=3, lang="fr")),
        (PresentState(step=2), "lang", PresentState(step=2, lang="fr")),
        (PresentState(step=2, lang="fr"), "lang", PresentState(step=2, lang="en")),
        # P plays the years from the step's year; P again pauses on the year shown.
        (PresentState(step=2), "play", PresentState(step=2, period=year(2021), playing=True)),
        (
            PresentState(step=2, period=year(2024), playing=True),
            "play",
            PresentState(step=2, period=year(2024)),
        ),
        (
            PresentState(step=2, period=year(2024)),
            "play",
            PresentState(step=2, period=year(2024), playing=True),
        ),
        (
            PresentState(step=2, period=year(2026)),
            "play",
            PresentState(step=2, period=year(2012), playing=True),
        ),
        (
            PresentState(step=2, period=year(2021), playing=True),
            "tick",
            PresentState(step=2, period=year(2022), playing=True),
        ),
        (
            PresentState(step=2, period=year(2025), playing=True),
            "tick",
            PresentState(step=2, period=year(2026)),
        ),
        (PresentState(step=2, period=year(2021)), "tick", PresentState(step=2, period=year(2021))),
        # A step key leaves the years and stops playing.
        (PresentState(step=2, period=year(2024), playing=True), "next", PresentState(step=3)),
        (PresentState(step=2), "unknown", PresentState(step=2)),
    ],
)
def test_prs001_keys(story, start, action, expected):
    assert present_step(start, action, story, CALENDAR) == expected


def test_prs002_state_from_the_browser_is_repaired():
    assert PresentState.from_dict({"step": 2, "lang": "fr"}, 3, CALENDAR) == PresentState(step=2, lang="fr")
    repaired = PresentState.from_dict(
        {"step": 99, "lang": "de", "period": "1900", "playing": True}, 3, CALENDAR
    )
    assert repaired == PresentState(step=1)
    assert PresentState.from_dict("<script>", 3, CALENDAR) == PresentState(step=1)
    assert PresentState.from_dict({"step": True, "period": 2020}, 3, CALENDAR) == PresentState(step=1)
    state = PresentState(step=3, lang="fr", period=year(2020), playing=True)
    assert state.as_dict() == {
        "step": 3,
        "lang": "fr",
        "period": "2020-12",
        "playing": True,
        "end": False,
        "bases": False,
    }
    assert PresentState.from_dict(state.as_dict(), 3, CALENDAR) == state
    end = PresentState(step=3, end=True, bases=True)
    assert PresentState.from_dict(end.as_dict(), 3, CALENDAR) == end
    # The end slide comes only after the last step.
    assert PresentState.from_dict({"step": 2, "end": True}, 3, CALENDAR) == PresentState(step=2)


def test_prs003_the_briefings_address():
    assert present_search(PresentState(step=7, lang="fr"), CALENDAR) == "?step=7&lang=fr"
    assert present_search(PresentState(step=1), CALENDAR) == ""


def test_prs004_a_step_on_screen(fixture_app_data):
    shown = moment(fixture_app_data, PresentState(step=2))
    assert (shown.period_text, shown.date) == ("2021", "24 December 2021")
    assert shown.caption == "Russian forces arrive in Mali, as France prepares to leave."
    assert shown.source == "Sources: Fixture Wire, 24 December 2021"
    assert shown.progress == "Step 2 of 12"
    assert shown.leave == "/?date=2021-12-24&country=MLI"  # the main map on the step's very day
    arrays = present_arrays(fixture_app_data, shown, "en")
    mali = arrays.locations.index("MLI")
    assert arrays.line_width[mali] == max(arrays.line_width)  # the step's country stands out
    assert min(arrays.label_sizes) >= 16  # read from the back of the room


def test_prs005_playing_shows_the_periods_summary(fixture_app_data):
    shown = moment(fixture_app_data, PresentState(step=1, lang="fr", period=year(2023), playing=True))
    assert shown.period_text == "2023" and shown.date == "31 décembre 2023"
    assert shown.caption.startswith("Au 31 décembre 2023 — ")
    assert shown.source.startswith("Source : Carte des réalignements au Sahel")
    assert shown.progress == "Étape 1 sur 12 · Lecture 2013 → 2026"
    assert shown.leave == "/?date=2023-12&lang=fr"


STORY_HEADER = "step,date,countries,caption_en,caption_fr,source_ids,bases\n"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("1,2013-01-11,MLI,A,B,S1,\n3,2021-12-24,MLI,A,B,S3,\n", "story.csv:3: step: expected 2, found 3"),
        ("1,2021-12-24,MLI,A,B,S1,\n2,2013-01-11,MLI,A,B,S3,\n", "story.csv:3: date 2013-01-11 is before"),
        ("1,2013-02-30,MLI,A,B,S1,\n", "story.csv:2: date: '2013-02-30' is not a real calendar date"),
        ("1,2013-01-11,FRA,A,B,S1,\n", "story.csv:2: countries: 'FRA' is not one of the four countries"),
        ("1,2013-01-11,MLI;SEN,A,B,S1,\n", "story.csv:2: countries: 'SEN' is not one of the four countries"),
        ("1,2013-01-11,MLI;MLI,A,B,S1,\n", "story.csv:2: countries: names a country twice"),
        ("1,2013-01-11,,A,B,S1,\n", "story.csv:2: countries: must not be empty"),
        ("1,2013-01-11,MLI,A,,S1,\n", "story.csv:2: caption_fr: must not be empty"),
        ("1,2013-01-11,MLI,A,B,S99,\n", "story.csv:2: source_ids: unknown source 'S99'"),
        ("1,2013-01-11,MLI,A,B,,\n", "story.csv:2: source_ids: must not be empty"),
        ("1,2013-01-11,MLI,A,B,S1,B9\n", "story.csv:2: bases: unknown base 'B9'"),
        ("1,2022-08-15,MLI,A,B,S1,B1\n", "story.csv:2: bases: B1 is not in use on 2022-08-15"),
    ],
)
def test_prs006_story_file_is_checked(data_copy, shapes, rows, message):
    (data_copy / "story.csv").write_text(STORY_HEADER + rows, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_copy, geography=shapes)
    assert any(message in str(error) for error in caught.value.errors), str(caught.value)


def test_prs007_a_step_with_several_countries_and_a_base(data_copy, shapes):
    """A step names its countries (the first leads) and the bases it points out: all are outlined,
    the base drawn larger than the others, and each country says what changed on it."""
    from data.context import AppData
    from tests.conftest import TODAY

    path = data_copy / "story.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = "2,2021-12-24,MLI;NER,Russian forces arrive in Mali.,Des forces russes arrivent au Mali.,S3,B1"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = AppData(dataset=load_dataset(data_copy, geography=shapes), shapes=shapes, clock=lambda: TODAY)
    step = data.dataset.story[1]
    assert (step.countries, step.country, step.bases) == (("MLI", "NER"), "MLI", ("B1",))
    shown = moment(data, PresentState(step=2))
    assert (shown.country, shown.countries, shown.bases) == ("MLI", ("MLI", "NER"), ("B1",))
    assert shown.leave == "/?date=2021-12-24&country=MLI"  # Esc opens the map on the leading country
    assert (
        shown.changed == "Niger: No principal foreign force → French forces · Mali: French forces (unchanged)"
    )
    arrays = present_arrays(data, shown, "en")
    assert arrays.selected_line == shapes.outline(["MLI", "NER"], 0.12)
    plain = present_arrays(data, dataclasses.replace(shown, bases=()), "en")  # no base pointed out
    assert arrays.base_sizes[0] > plain.base_sizes[0]  # the Gao marker stands out


def test_prs008_the_real_story(shapes):
    dataset = load_dataset(DATA_DIR, geography=shapes)
    story = dataset.story
    assert 20 <= len(story) <= 30
    assert story[0].date == dt.date(2013, 1, 11) and "Serval" in story[0].caption_en
    on = {s.date.isoformat(): s for s in story}
    # The moments of the realignment, each with its countries.
    expected = {
        "2017-07-02": {"MLI", "BFA", "NER", "TCD"},  # the G5 Sahel joint force
        "2020-01-13": {"MLI", "BFA", "NER", "TCD"},  # the Pau summit
        "2020-03-27": {"MLI", "NER"},  # Takuba
        "2024-01-24": {"BFA"},  # Russia arrives in Burkina Faso
        "2024-01-28": {"MLI", "BFA", "NER"},  # the AES announce they leave ECOWAS
        "2024-04-10": {"NER"},  # Russia arrives in Niger
        "2024-11-28": {"TCD"},  # Chad ends its defence accord with France
        "2025-01-29": {"MLI", "BFA", "NER"},  # their exit takes effect
    }
    for date, countries in expected.items():
        assert set(on[date].countries) == countries, date
    assert on["2024-04-10"].bases == ("BN-B006",)  # the Russian compound at Niamey's air base
    assert any(s.date.year == 2025 and s.date.month == 9 and s.country == "MLI" for s in story)
    # The closing summary: the four countries on the day the data was reviewed up to.
    closing = story[-1]
    assert closing.date == dataset.release.reviewed_up_to and set(closing.countries) == set(FOCUS)
    with (DATA_DIR / "events.csv").open(encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    cited = {s for e in events for s in e["source_ids"].split(";")}
    for step in story:
        assert set(step.source_ids) <= cited, step
        assert step.caption_en != step.caption_fr
        if step is closing:
            continue
        # Each other step is one of the dataset's own events: same day, each of its countries.
        same_day = [e for e in events if e["date"] == step.date.isoformat()]
        for country in step.countries:
            assert any(country in e["country"].split(";") for e in same_day), (step.step, country)


def test_prs009_no_slide_leads_with_state_media(shapes):
    """Every step of the real story cites a source of record, and its slide names one first."""
    from data.context import load_app_data

    data = load_app_data()
    for step in data.dataset.story:
        shown = moment(data, PresentState(step=step.step))
        first = shown.source.removeprefix("Sources: ").split(" · ")[0]
        assert "state media" not in first, (step.step, shown.source)
        assert any(data.dataset.sources[s].of_record for s in step.source_ids), step.step


@pytest.fixture(scope="module")
def real_data(shapes):
    from data.context import AppData
    from tests.conftest import TODAY

    return AppData(dataset=load_dataset(DATA_DIR, geography=shapes), shapes=shapes, clock=lambda: TODAY)


def test_prs020_each_step_says_what_changed_on_its_country(real_data):
    from data.present import what_changed

    story = real_data.dataset.story
    lines = {step.date.isoformat(): what_changed(real_data, i, "en") for i, step in enumerate(story)}
    assert lines["2013-01-11"] == "Mali: No principal foreign force → French forces"
    assert lines["2022-08-15"] == (  # the bases the step's country lost since the story last spoke of it
        "Mali: French forces → Russian forces, instructors or arms"
        " · Bases closed: Gao, Gossi and Ménaka (France)"
    )
    assert lines["2023-12-22"] == (
        "Niger: French withdrawal under way → Other foreign forces (United States and Germany)"
        " · Base closed: Niamey (France)"
    )
    assert lines["2023-07-26"] == "Niger: French forces (unchanged)"  # a coup changes no colour
    index = next(i for i, step in enumerate(story) if step.date.isoformat() == "2024-04-10")
    assert what_changed(real_data, index, "fr") == (
        "Niger : Autres forces étrangères (États-Unis et Allemagne) → Forces, instructeurs ou armes russes"
    )
    assert lines["2024-09-16"] == (
        "Niger: Russian forces, instructors or arms (unchanged)"
        " · Bases closed: Niamey and Agadez (United States); Niamey (Germany)"
    )
    assert lines["2024-01-28"] == (  # several countries: those that kept one colour together
        "Mali and Burkina Faso: Russian forces, instructors or arms (unchanged)"
        " · Niger: Other foreign forces (United States and Germany) (unchanged)"
    )
    assert lines["2023-09-16"].startswith(
        "Niger: French forces → French withdrawal under way · "
    )  # changes first
    # Each line follows the state logic: the colours on the two dates, country by country.
    for i, step in enumerate(story):
        before = story[i - 1].date if i else step.date - dt.timedelta(days=1)
        line = lines[step.date.isoformat()]
        for country in step.countries:
            name = real_data.shapes.name(country, "en")
            part = next(p for p in line.split(" · ") if name in p.split(":")[0])
            changed = (
                real_data.states_on(before)[country].alignment
                != real_data.states_on(step.date)[country].alignment
            )
            assert ("→" in part) == changed, (step.step, country, part)


def test_prs030_play_says_the_years_it_plays(fixture_app_data):
    from data.present import play_range

    story = fixture_app_data.dataset.story
    assert play_range(PresentState(step=2), story, CALENDAR) == (2021, CALENDAR.last.year)
    shown = moment(fixture_app_data, PresentState(step=2, period=year(2022), playing=True))
    assert shown.progress == f"Step 2 of 12 · Playing 2021 → {CALENDAR.last.year}"
    paused = moment(fixture_app_data, PresentState(step=2, period=year(2022)))
    assert paused.progress == "Step 2 of 12 · paused"


def test_prs031_the_end_slide_and_the_bases_key(fixture_app_data):
    from layouts.present import present_text

    end = PresentState(step=12, end=True)
    text = str(present_text(fixture_app_data, moment(fixture_app_data, end), end))
    assert "End of the briefing" in text and "12 steps" in text and "Q: leave for the map" in text
    assert "End · 12 steps" in text
    fr = PresentState(step=12, lang="fr", end=True)
    assert "Fin de la présentation" in str(present_text(fixture_app_data, moment(fixture_app_data, fr), fr))
    shown = moment(fixture_app_data, PresentState(step=2))
    assert present_arrays(fixture_app_data, shown, "en").show_bases is False  # off on the wall
    assert present_arrays(fixture_app_data, shown, "en", bases=True).show_bases is True
    with_bases = PresentState(step=2, bases=True)
    assert "base-mark" in str(present_text(fixture_app_data, shown, with_bases))
    assert "base-mark" not in str(present_text(fixture_app_data, shown, PresentState(step=2)))


def test_prs032_a_step_whose_colour_changed_pulses(real_data):
    from data.present import changed_countries

    story = real_data.dataset.story
    for i, step in enumerate(story):
        shown = moment(real_data, PresentState(step=step.step))
        assert shown.pulse == ";".join(changed_countries(real_data, i))
        assert ("→" in shown.changed) == bool(shown.pulse), step
    assert moment(real_data, PresentState(step=1)).pulse == "MLI"  # Serval: French forces arrive


def test_prs033_speaker_notes_are_optional_columns(data_copy, shapes, fixture_app_data):
    from layouts.present import notes_text

    path = data_copy / "story.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*rows[0].keys(), "notes_en", "notes_fr"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "notes_en": "Say it slowly.", "notes_fr": "Lentement."})
    story = load_dataset(data_copy, geography=shapes).story
    assert story[0].notes_en == "Say it slowly." and story[0].notes_fr == "Lentement."
    assert fixture_app_data.dataset.story[0].notes_en == ""  # a file without them still loads
    text = str(notes_text(fixture_app_data, PresentState(step=2)))
    assert "Russian forces arrive in Mali" in text  # now
    assert "Step 3 of 12" in text  # next
    assert "No notes for this step." in text
    assert "Fixture Wire, 24 December 2021" in text  # its sources with their dates
    last = str(notes_text(fixture_app_data, PresentState(step=12)))
    assert "End of the briefing" in last


def test_prs034_the_end_slide_sets_each_country_before_and_after(real_data):
    from layouts.present import present_text
    from tests.conftest import texts

    story = real_data.dataset.story
    end = PresentState(step=len(story), end=True)
    shown = " | ".join(texts([present_text(real_data, moment(real_data, end), end)]))
    assert "11 January 2013 | 30 April 2026" in shown
    for country in ("Mali", "Burkina Faso", "Niger", "Chad"):
        assert country in shown
    # Each row: the colour on the story's first date and on its last, from the state logic.
    assert "Mali |   | French forces |   | Russian forces, instructors or arms" in shown
    assert "Chad |   | French forces |   | No principal foreign force" in shown
    french = PresentState(step=len(story), lang="fr", end=True)
    assert "Forces, instructeurs ou armes russes" in " ".join(
        texts([present_text(real_data, moment(real_data, french), french)])
    )


def test_prs035_a_step_crosses_out_the_bases_its_countries_lost(real_data):
    """A step shows the bases of its countries closed since the story last spoke of each country,
    not since the step just before (which may be about other countries)."""
    from data.present import PresentState, closed_bases, moment
    from layouts.present import closed_marks

    story = real_data.dataset.story
    index = {step.date.isoformat(): i for i, step in enumerate(story)}
    # Chad on 30 January 2025: the step before is about the Alliance; Chad's last was 28 November 2024.
    chad = closed_bases(real_data, index["2025-01-30"])
    assert {b.label_en for b in chad} == {"N'Djamena (France)", "Abéché (France)", "Faya-Largeau (France)"}
    for base in chad:  # each was in use at the country's step before and no longer is
        assert base.active_on(dt.date(2024, 11, 28)) and not base.active_on(dt.date(2025, 1, 30))
    # Every closed base of every step follows from the bases' dates.
    for i, step in enumerate(story):
        for base in closed_bases(real_data, i):
            assert base.country in step.countries and not base.active_on(step.date), (step.step, base.id)
    assert closed_bases(real_data, index["2024-01-24"]) == ()  # Russians arriving close nothing
    # On the wall: one cross a site, the names of the bases closed there under it, in the language.
    shown = moment(real_data, PresentState(step=index["2024-09-16"] + 1, lang="fr"))
    marks = closed_marks(shown, "fr")
    assert sorted(marks["text"]) == ["Agadez (États-Unis)", "Niamey (États-Unis)<br>Niamey (Allemagne)"]
    assert len(marks["lon"]) == len(marks["lat"]) == len(marks["symbol"]) == 2
