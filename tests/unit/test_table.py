"""The events table to study with: search, filters and order (one pure function), its parameters in
the address, bad ones falling back with a notice, following the map, and "Download these rows"
giving exactly the rows shown (test codes: tbl)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import create_app
from data.context import AppData
from data.events_table import CSV_COLUMNS, events_csv, select_events
from data.schema import Confidence, EventType
from data.view import (
    TABLE_EXTRA,
    TABLE_KEYS,
    TableChoices,
    TableQuery,
    View,
    fold,
    map_url,
    parse_query,
    parse_snapshot,
    query_args,
    table_csv_url,
    table_filters,
    table_from_args,
    to_query,
)
from layouts.ids import Id
from layouts.table import CONTROLS, control_values, input_args
from tests.conftest import CALENDAR, TODAY, month, year

EXTRAS = (TABLE_EXTRA,)


@pytest.fixture(scope="module")
def study_data(fixture_app_data: AppData) -> AppData:
    """The fixture data with two more events: one outside the four countries, and texts with
    accents, ligatures and capitals to search."""
    dataset = fixture_app_data.dataset
    first = dataset.events[0]
    senegal = first.model_copy(
        update={
            "id": "E5",
            "date": dt.date(2024, 5, 2),
            "country": ("SEN",),
            "actors": ("FRA",),
            "type": EventType.AGREEMENT,
            "title_en": "Senegal and France review their defence accord in Dakar",
            "title_fr": "Le Sénégal et la France revoient leur accord de défense à Dakar",
            "summary_en": "The State's new leaders met French envoys.",
            "summary_fr": "Les nouveaux dirigeants de l'État ont reçu les émissaires français.",
        }
    )
    burkina = first.model_copy(
        update={
            "id": "E6",
            "date": dt.date(2019, 3, 10),
            "country": ("BFA", "MLI"),
            "actors": ("USA", "FRA"),
            "type": EventType.COMBAT,
            "title_en": "Attack near BAMAKO and Ouagadougou",
            "title_fr": "Attaque près de Bamako et de Ouagadougou",
            "summary_en": "Soldiers fight back.",
            "summary_fr": "L'armée riposte, au cœur du pays.",
            "confidence": Confidence.REPORTED,
        }
    )
    events = (*dataset.events, senegal, burkina)
    return AppData(
        dataset=replace(dataset, events=events), shapes=fixture_app_data.shapes, clock=lambda: TODAY
    )


@pytest.fixture(scope="module")
def study_client(study_data: AppData):
    return create_app(study_data).server.test_client()


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_tbl001_a_search_ignores_case_accents_and_ligatures(study_data):
    events = study_data.dataset.events

    def found(search: str, lang: str = "en") -> list[str]:
        return sorted(ids(select_events(events, TableQuery(search=search), lang)))

    assert fold("État d'Œuvre’s «x»") == "etat d'oeuvre's \"x\""
    assert found("bamako") == ["E6"]  # "BAMAKO"
    assert found("Bamako", "fr") == ["E6"]
    assert found("etat", "fr") == ["E4", "E5"]  # "Coup d'État", "l'État"
    assert found("ÉTAT", "fr") == ["E4", "E5"]
    assert found("coeur", "fr") == ["E6"]  # "cœur"
    assert found("senegal", "fr") == ["E5"]  # "Sénégal"
    assert found("state") == ["E5"]  # the summary counts too
    # Every word, in any order; words of the other language do not count.
    assert found("dakar france") == ["E5"] and found("dakar coup") == []
    assert found("riposte") == [] and found("riposte", "fr") == ["E6"]
    assert found("   ") == sorted(ids(events))


def test_tbl002_filters_and_order(study_data):
    events = study_data.dataset.events

    def chosen(**filters: object) -> list[str]:
        return ids(select_events(events, TableQuery(**filters), "en"))

    assert chosen() == ["E5", "E4", "E2", "E3", "E6", "E1"]  # newest first
    assert chosen(oldest_first=True) == list(reversed(chosen()))
    assert chosen(country="MLI") == ["E2", "E3", "E6", "E1"]  # an event of two countries is in each
    assert chosen(country="SEN") == ["E5"]
    assert chosen(partner="FRA") == ["E5", "E2", "E6", "E1"]
    assert chosen(type="deployment") == ["E3", "E1"]
    # Dates: from a month's first day, up to a month's (or a day's) last.
    assert chosen(start=month(2021, 12)) == ["E5", "E4", "E2", "E3"]
    assert chosen(start=month(2022, 1)) == ["E5", "E4", "E2"]
    assert chosen(end=month(2021, 12)) == ["E3", "E6", "E1"]
    assert chosen(end=month(2021, 12, 23)) == ["E6", "E1"]
    assert chosen(start=month(2019, 1), end=month(2022, 12), country="MLI", partner="FRA") == ["E2", "E6"]
    assert chosen(search="forces", country="NER") == []


@pytest.mark.parametrize(
    ("query", "address"),
    [
        (TableQuery(), ""),
        (TableQuery(search="takuba"), "?q=takuba"),
        (TableQuery(search="Barkhane État"), "?q=Barkhane+%C3%89tat"),
        (
            TableQuery(partner="FRA", type="coup", start=month(2020, 1)),
            "?t_partner=FRA&t_type=coup&t_from=2020",
        ),
        (TableQuery(start=month(2020, 3), oldest_first=True), "?t_from=2020-03&t_sort=oldest"),
        (TableQuery(follow=False), "?t_follow=0"),
        (
            TableQuery(country="SEN", end=month(2023, 12), follow=False),
            "?t_country=SEN&t_to=2023&t_follow=0",
        ),
        (TableQuery(end=month(2023, 8, 15), follow=False), "?t_to=2023-08-15&t_follow=0"),
    ],
)
def test_tbl003_the_tables_parameters_round_trip_through_the_address(study_data, query, address):
    view = View(period=year(2026), table=query)
    assert to_query(view, CALENDAR, extras=EXTRAS) == address
    back = parse_query(query_args(address), CALENDAR, extras=EXTRAS, table=study_data.table_choices)
    assert back == view and back.notices == ()
    # With the map's own parameters, which come first (the language last).
    full = View(period=month(2016, 3), country="MLI", lens="FRA", lang="fr", table=query)
    url = map_url(full, CALENDAR)
    assert url.startswith("/?date=2016-03&country=MLI&lens=FRA") and url.endswith("lang=fr")
    assert parse_query(query_args(url[1:]), CALENDAR, extras=EXTRAS, table=study_data.table_choices) == full


def test_tbl004_the_tables_parameters_belong_to_the_map_page(study_data):
    args = {"q": "x", "t_country": "ZZZ", "t_sort": "up"}
    assert parse_query(args, CALENDAR) == View(period=year(2026))  # elsewhere they mean nothing
    snapshot = parse_snapshot("2023.csv", args, CALENDAR)
    assert not isinstance(snapshot, list) and snapshot.view.table == TableQuery()
    # Read case-insensitively; country codes offered are every country of the events, the four first.
    assert study_data.table_choices.countries == ("MLI", "BFA", "NER", "TCD", "SEN")
    view = parse_query(
        {"t_country": "sen", "t_partner": "fra", "t_type": "COUP", "t_sort": "Oldest"},
        CALENDAR,
        extras=EXTRAS,
        table=study_data.table_choices,
    )
    assert view.table == TableQuery(
        country="SEN", partner="FRA", type="coup", oldest_first=True, follow=False
    )
    assert view.notices == ()


def notices(args: dict[str, str], choices: TableChoices, lang: str = "en") -> list[str]:
    view = parse_query(args, CALENDAR, extras=EXTRAS, table=choices)
    return [n.message(lang) for n in view.notices]


def test_tbl005_bad_parameters_fall_back_with_a_notice(study_data):
    choices = study_data.table_choices
    view = parse_query(
        {
            "q": "x" * 101,
            "t_country": "<b>FRA</b>",
            "t_partner": "NATO",
            "t_type": "war",
            "t_from": "2011",
            "t_to": "2023-13",
            "t_sort": "up",
            "t_follow": "yes",
        },
        CALENDAR,
        extras=EXTRAS,
        table=choices,
    )
    assert view.table == TableQuery()
    assert [n.field for n in view.notices] == [
        "t_country", "t_partner", "t_type", "t_from", "t_to", "t_sort", "t_follow", "q",
    ]  # fmt: skip
    partners = ", ".join(study_data.dataset.partners)
    assert [n.message("en") for n in view.notices] == [
        "“<b>FRA</b>” is not a country of the events (MLI, BFA, NER, TCD, SEN); "
        "the table shows every country.",
        f"“NATO” is not a partner in the data ({partners}); the table shows every partner.",
        "“war” is not a type of event (coup, civilian_rule, deployment, withdrawal_announced, "
        "withdrawal_completed, handover, agreement, rupture, diplomatic, membership, combat, political); "
        "the table shows every type.",
        "“2011” is not a year, month or day from 2012 to 2026; the table starts at the beginning.",
        "“2023-13” is not a year, month or day from 2012 to 2026; the table goes up to today.",
        "“up” is not an order of the table (newest, oldest); newest first.",
        "“yes” is not a setting for following the map (0 or 1); the table follows the map.",
        "The search “" + "x" * 39 + "…” is longer than 100 characters; showing every event.",
    ]
    assert notices({"t_sort": "up"}, choices, "fr") == [
        "« up » n'est pas un ordre du tableau (newest, oldest) ; les plus récents d'abord."
    ]
    # An end before the start: the end is dropped.
    view = parse_query(
        {"t_from": "2020", "t_to": "2019-06", "t_follow": "0"}, CALENDAR, extras=EXTRAS, table=choices
    )
    assert view.table == TableQuery(start=month(2020, 1), follow=False)
    assert [n.message("en") for n in view.notices] == [
        "The table's end “2019-06” comes before its start “2020”; the table goes up to today."
    ]
    # A country or end date of its own means the table does not follow the map, unless told to.
    assert parse_query({"t_country": "NER"}, CALENDAR, extras=EXTRAS, table=choices).table == TableQuery(
        country="NER", follow=False
    )
    assert notices({"t_country": "NER", "t_to": "2020", "t_follow": "1"}, choices) == [
        "“NER” is not used while the table follows the map (t_follow=0 keeps it).",
        "“2020” is not used while the table follows the map (t_follow=0 keeps it).",
    ]
    # Empty values count as absent; a search is one line without control characters.
    assert (
        parse_query({"q": " ", "t_country": ""}, CALENDAR, extras=EXTRAS, table=choices).table == TableQuery()
    )
    assert parse_query({"q": " a\x00\nb\t "}, CALENDAR, extras=EXTRAS, table=choices).table.search == "a b"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.dictionaries(st.sampled_from([*TABLE_KEYS, "date", "country"]), st.text(max_size=300)))
def test_tbl006_any_address_gives_a_valid_table(args):
    choices = TableChoices(partners=("FRA", "RUS"))
    view = parse_query(args, CALENDAR, extras=EXTRAS, table=choices)
    query = view.table
    assert query.country in (None, *choices.countries) and query.partner in (None, "FRA", "RUS")
    assert len(query.search) <= 100 and "\n" not in query.search
    if query.follow:
        assert query.country is None and query.end is None
    if query.start and query.end:
        assert query.start.first_day <= query.end.last_day
    # What is read is written back as the same table.
    again = parse_query(
        query_args(to_query(view, CALENDAR, extras=EXTRAS)), CALENDAR, extras=EXTRAS, table=choices
    )
    assert again.table == query and again.notices == ()


def test_tbl007_following_the_map(study_data):
    following = View(period=month(2023, 8), country="NER", table=TableQuery(search="coup"))
    assert table_filters(following) == TableQuery(search="coup", country="NER", end=month(2023, 8))
    day = following.with_(period=month(2023, 7, 20))
    assert ids(select_events(study_data.dataset.events, table_filters(day), "en")) == []
    assert ids(select_events(study_data.dataset.events, table_filters(following), "en")) == ["E4"]
    own = following.with_(table=TableQuery(country="SEN", follow=False))
    assert table_filters(own) == own.table
    # The controls show the filters as applied, and read back they are the same table.
    for view in (
        following,
        own,
        View(period=year(2026), table=TableQuery(start=month(2019, 4), oldest_first=True)),
    ):
        shown = table_filters(view)
        values = control_values(shown)
        assert list(values) == list(CONTROLS)
        read = table_from_args(input_args(*values.values()), CALENDAR, study_data.table_choices)
        assert read == view.table
    # Whatever a client sends, the controls' values become a valid table.
    assert table_from_args(
        input_args(7, ["x"], None, {"a": 1}, 2020, "all", False, "on"), CALENDAR, TableChoices()
    ) == (TableQuery(follow=False))


def table_call(client, controls: dict[Id, object], country, settled, changed: Id, asked=None, sent=None):
    """The table's callback, as the browser asks it when `changed` changed."""
    values = dict(zip(CONTROLS, ["", "all", "all", "all", "all", "all", "newest", ["on"]], strict=True))
    values.update(controls)
    outputs = [
        (Id.TABLE_ROWS, "data"), (Id.TABLE_COUNT, "children"), (Id.TABLE_ROWS_KEY, "data"),
        (Id.TABLE_DOWNLOAD, "href"),
        (Id.TABLE_QUERY, "data"), (Id.TABLE_FROM, "options"), (Id.TABLE_TO, "options"),
        *((control, "value") for control in CONTROLS),
    ]  # fmt: skip
    inputs = [{"id": control, "property": "value", "value": value} for control, value in values.items()]
    inputs += [
        {"id": Id.COUNTRY, "property": "data", "value": country},
        {"id": Id.SETTLED, "property": "data", "value": settled},
        {"id": Id.TABLE_SHOWN, "property": "data", "value": True},
        {"id": Id.TABLE_ASKED, "property": "data", "value": asked},
    ]
    state = [
        {"id": Id.LANG, "property": "data", "value": "en"},
        {"id": Id.TABLE_QUERY, "property": "data", "value": {}},
        {"id": Id.TABLE_FROM, "property": "options", "value": None},
        {"id": Id.TABLE_TO, "property": "options", "value": None},
        {"id": Id.TABLE_ROWS_KEY, "property": "data", "value": sent},
    ]
    body = {
        "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..",
        "outputs": [{"id": i, "property": p} for i, p in outputs],
        "inputs": inputs,
        "state": state,
        "changedPropIds": [
            f"{changed}.{'data' if changed in (Id.COUNTRY, Id.SETTLED, Id.TABLE_ASKED) else 'value'}"
        ],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), response.data
    return response.get_json()["response"] if response.status_code == 200 else {}


def test_tbl008_the_table_follows_the_map_and_stops_when_a_reader_picks(study_client):
    august = month(2023, 8).slider_value()
    # The map chooses Niger: the table's country and end date follow, its rows too.
    answer = table_call(study_client, {}, "NER", august, Id.COUNTRY)
    assert answer[Id.TABLE_COUNTRY]["value"] == "NER" and answer[Id.TABLE_TO]["value"] == "2023-08"
    assert {"label": "August 2023", "value": "2023-08"} in answer[Id.TABLE_TO]["options"]
    assert answer[Id.TABLE_COUNT]["children"] == "1 of 6 events"
    assert [row[2] for row in answer[Id.TABLE_ROWS]["data"]["rows"]] == ["Coup in Niger"]
    assert Id.TABLE_QUERY not in answer  # following: nothing of its own for the address
    assert answer[Id.TABLE_DOWNLOAD]["href"] == "/download/table.csv?t_country=NER&t_to=2023-08&t_follow=0"
    # The map a month later: the same rows, which are not sent again.
    sent = answer[Id.TABLE_ROWS_KEY]["data"]
    later = table_call(study_client, {}, "NER", august + 1, Id.SETTLED, sent=sent)
    assert later[Id.TABLE_TO]["value"] == "2023-09"
    assert Id.TABLE_ROWS not in later and Id.TABLE_COUNT not in later and Id.TABLE_ROWS_KEY not in later
    # A reader picks Senegal while it follows: the table keeps it and stops following.
    answer = table_call(
        study_client, {Id.TABLE_COUNTRY: "SEN", Id.TABLE_TO: "2024"}, "NER", august, Id.TABLE_COUNTRY
    )
    assert answer[Id.TABLE_FOLLOW]["value"] == []
    assert answer[Id.TABLE_QUERY]["data"] == {"t_country": "SEN", "t_to": "2024", "t_follow": "0"}
    assert answer[Id.TABLE_COUNT]["children"] == "1 of 6 events"
    # Not following, the map's moves change nothing in the table.
    own = {Id.TABLE_COUNTRY: "SEN", Id.TABLE_FOLLOW: []}
    assert table_call(study_client, own, "MLI", august, Id.COUNTRY) == {}
    # Back to an address: every control is set from it, the search too.
    asked = {"q": "attack", "t_sort": "oldest"}
    answer = table_call(study_client, {}, None, august, Id.TABLE_ASKED, asked=asked)
    assert answer[Id.TABLE_SEARCH]["value"] == "attack" and answer[Id.TABLE_SORT]["value"] == "oldest"
    assert answer[Id.TABLE_QUERY]["data"] == asked
    # Typing is never written back under the reader's cursor.
    answer = table_call(study_client, {Id.TABLE_SEARCH: "attack "}, None, august, Id.TABLE_SEARCH)
    assert Id.TABLE_SEARCH not in answer and answer[Id.TABLE_QUERY]["data"] == {"q": "attack"}


def csv_rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def test_tbl009_download_these_rows_is_exactly_the_rows_shown(study_data, study_client):
    view = View(
        period=month(2024, 6),
        lang="fr",
        table=TableQuery(search="SENEGAL", start=month(2015, 1), oldest_first=True),
    )
    url = table_csv_url(view)
    assert url == "/download/table.csv?q=SENEGAL&t_from=2015&t_to=2024-06&t_sort=oldest&t_follow=0&lang=fr"
    response = study_client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="sahel-realignment-events-selected-fr.csv"'
    )
    assert response.headers["Cache-Control"] == "no-cache"
    shown = select_events(study_data.dataset.events, table_filters(view), "fr")
    assert response.data.decode() == events_csv(study_data, shown, "fr")
    rows = csv_rows(response.data)
    assert [row["id"] for row in rows] == ids(shown) == ["E5"]
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["title"] == "Le Sénégal et la France revoient leur accord de défense à Dakar"
    assert rows[0]["country_name"] == "Sénégal" and rows[0]["type_name"] == "Accord"
    assert rows[0]["sources"].startswith("Fixture") and "https://" in rows[0]["sources"]
    # The map page's own address gives the same rows: one rule for both.
    page = study_client.get("/download/table.csv?date=2024-06&q=SENEGAL&t_from=2015&t_sort=oldest&lang=fr")
    assert page.data == response.data
    every = csv_rows(study_client.get("/download/table.csv?t_sort=oldest").data)
    assert [row["id"] for row in every] == ["E1", "E6", "E3", "E2", "E4", "E5"]
    # Kept, but asked again: a 304 while the data and the question are the same.
    again = study_client.get(url, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    other = study_client.get(
        url.replace("SENEGAL", "dakar"), headers={"If-None-Match": response.headers["ETag"]}
    )
    assert other.status_code == 200
    # The whole dataset's downloads are still there.
    assert study_client.get("/download/events.csv").data == study_data.downloads["events"]


def test_tbl010_a_hostile_question_gets_400_never_500(study_client):
    nines = "9" * 5000
    for query in (
        f"?t_from={nines}",
        "?t_country=%3Cscript%3E&t_partner=x",
        "?q=" + "a" * 5000,
        "?t_to=2023-02-30&t_follow=0",
        "?lang=de&t_sort=%00",
        f"?date={nines}",
    ):
        response = study_client.get("/download/table.csv" + query)
        assert response.status_code == 400, query
        lines = response.get_data(as_text=True).splitlines()
        assert lines[0] in ("Bad request for the table's rows:", "Demande de lignes du tableau invalide :")
        assert len(lines) >= 2 and b"Traceback" not in response.data
    french = study_client.get("/download/table.csv?t_type=guerre&lang=fr").get_data(as_text=True)
    assert french == (
        "Demande de lignes du tableau invalide :\n"
        "t_type: « guerre » n'est pas un type d'événement (coup, civilian_rule, deployment, "
        "withdrawal_announced, withdrawal_completed, handover, agreement, rupture, diplomatic, "
        "membership, combat, political)\n"
    )
    # Neither odd characters in a search nor risky cells reach a spreadsheet as formulas.
    response = study_client.get("/download/table.csv?q=%3D1%2B1%20%22%3C%3E")
    assert response.status_code == 200 and csv_rows(response.data) == []


def test_tbl011_risky_cells_are_neutralised(study_data):
    risky = study_data.dataset.events[0].model_copy(update={"title_en": '=HYPERLINK("http://x")'})
    cells = [cell for row in csv.reader(io.StringIO(events_csv(study_data, [risky], "en"))) for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells


def test_tbl012_the_page_shows_the_addresss_table(study_client):
    from tests.unit.test_app import render

    page = render(study_client, "/", "?q=coup&t_country=SEN&t_type=war&lang=fr")
    assert "« war » n'est pas un type d'événement" in page
    layout = json.loads(page)
    found: dict[str, object] = {}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            props = node.get("props", {})
            if isinstance(props, dict) and props.get("id") in [str(c) for c in CONTROLS]:
                found[props["id"]] = props.get("value")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    assert found == {
        Id.TABLE_SEARCH: "coup",
        Id.TABLE_COUNTRY: "SEN",
        Id.TABLE_PARTNER: "all",
        Id.TABLE_TYPE: "all",
        Id.TABLE_FROM: "all",
        Id.TABLE_TO: "all",
        Id.TABLE_SORT: "newest",
        Id.TABLE_FOLLOW: [],
    }
    country = json.dumps(layout, ensure_ascii=False)
    assert '"label": "Sénégal", "value": "SEN"' in country  # every country of the data is offered
