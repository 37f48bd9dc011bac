"""Each validation rule, fed a broken file: the message and its line number (test codes: val)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from data.loader import DataErrors, load_dataset
from tests.conftest import ROOT


def rewrite(path: Path, row_index: int, **changes: str) -> None:
    """Change cells of one data row (row_index 0 = line 2) of a CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[row_index].update(changes)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def errors_for(directory: Path, shapes) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(directory, geography=shapes)
    return [str(e) for e in caught.value.errors]


def only_error(directory: Path, shapes) -> str:
    found = errors_for(directory, shapes)
    assert len(found) == 1, found
    return found[0]


def test_val001_fixture_is_valid(fixture_dataset):
    assert len(fixture_dataset.events) == 4


def test_val002_impossible_date(data_copy, shapes):
    rewrite(data_copy / "events.csv", 1, date="2023-02-30")
    assert only_error(data_copy, shapes).endswith(
        "events.csv:3: date: '2023-02-30' is not a real calendar date"
    )


def test_val003_malformed_date(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 0, start_date="11/01/2013")
    assert only_error(data_copy, shapes).endswith(
        "partnerships.csv:2: start_date: '11/01/2013' is not a date in the form YYYY-MM-DD"
    )


def test_val004_unknown_country(data_copy, shapes):
    rewrite(data_copy / "events.csv", 3, country="NER;XYZ")
    assert only_error(data_copy, shapes).endswith("events.csv:5: country: unknown country code 'XYZ'")


def test_val005_unknown_source(data_copy, shapes):
    rewrite(data_copy / "events.csv", 0, source_ids="S1;S99")
    assert only_error(data_copy, shapes).endswith("events.csv:2: source_ids: unknown source 'S99'")


def test_val006_missing_source(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 1, source_ids="")
    found = errors_for(data_copy, shapes)
    assert any(e.endswith("partnerships.csv:3: source_ids: must not be empty") for e in found), found


def test_val007_end_before_start(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 2, end_announced="", end_date="2010-01-01")
    assert only_error(data_copy, shapes).endswith(
        "partnerships.csv:4: end_date 2010-01-01 is before start_date 2014-08-01"
    )


def test_val008_duplicate_id(data_copy, shapes):
    rewrite(data_copy / "events.csv", 2, id="E1")
    assert only_error(data_copy, shapes).endswith("events.csv:4: duplicate id 'E1' (first on line 2)")


def test_val009_orphan_source(data_copy, shapes):
    with (data_copy / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("S9,Fixture Wire,Unused,2020-01-01,https://example.org/fixture/s9,wire,,,\n")
    assert only_error(data_copy, shapes).endswith("sources.csv:8: source 'S9' is cited by no row")


def test_val010_unknown_partner(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 6, partner="XX")
    assert only_error(data_copy, shapes).endswith("partnerships.csv:8: partner: unknown partner 'XX'")


def test_val010b_word_outside_vocabulary(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 0, kind="friendship")
    message = only_error(data_copy, shapes)
    assert "partnerships.csv:2: kind: Input should be 'operation', 'forces'" in message


def test_val011_missing_french_text(data_copy, shapes):
    rewrite(data_copy / "events.csv", 0, title_fr="   ")
    assert only_error(data_copy, shapes).endswith("events.csv:2: title_fr: must not be empty")


def test_val012_base_outside_its_country(data_copy, shapes):
    rewrite(data_copy / "bases.csv", 0, lat="13.5", lon="2.1")  # Niamey, not in Mali
    assert only_error(data_copy, shapes).endswith("bases.csv:2: lat/lon (13.5, 2.1) is not inside MLI")


def test_val013_precision_must_match_date(data_copy, shapes):
    rewrite(data_copy / "events.csv", 0, date_precision="month")
    assert only_error(data_copy, shapes).endswith(
        "events.csv:2: date has month precision, so its day must be 01"
    )


def test_val014_missing_column_and_missing_file(data_copy, shapes):
    text = (data_copy / "sources.csv").read_text(encoding="utf-8").replace("publisher,", "", 1)
    (data_copy / "sources.csv").write_text(text, encoding="utf-8")
    (data_copy / "bases.csv").unlink()
    found = errors_for(data_copy, shapes)
    assert any(e.endswith("sources.csv:1: missing column 'publisher'") for e in found), found
    assert any(e.endswith("bases.csv:1: file not found") for e in found), found


def test_val015_wrong_field_count_keeps_line_numbers_after_multiline_cell(data_copy, shapes):
    path = data_copy / "events.csv"
    rewrite(path, 0, summary_en="First line\nsecond line")  # a quoted cell over two lines
    with path.open("a", encoding="utf-8") as handle:
        handle.write("E9,2020-01-01,day\n")
    # header (1), E1 (2-3), E2 (4), E3 (5), E4 (6), broken row (7)
    assert only_error(data_copy, shapes).endswith("events.csv:7: expected 13 fields, found 3")


def test_val016_every_error_reported_at_once(data_copy, shapes):
    rewrite(data_copy / "events.csv", 0, date="2023-13-01")
    rewrite(data_copy / "partnerships.csv", 6, country="ZZZ")
    found = errors_for(data_copy, shapes)
    assert len(found) == 2, found


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "app.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_val017_check_data_command_exit_codes(data_copy):
    ok = run_cli("check-data", "--data", "tests/fixtures/data")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("ok: 4 events")
    rewrite(data_copy / "events.csv", 1, date="2023-02-30")
    rewrite(data_copy / "events.csv", 2, country="XYZ")
    bad = run_cli("check-data", "--data", str(data_copy))
    assert bad.returncode == 1
    lines = bad.stderr.splitlines()
    assert lines[0].endswith("events.csv:3: date: '2023-02-30' is not a real calendar date")
    assert lines[1].endswith("events.csv:4: country: unknown country code 'XYZ'")


def test_val018_app_refuses_to_start_on_invalid_data(data_copy):
    rewrite(data_copy / "partnerships.csv", 0, end_announced="", end_date="2000-01-01")
    result = run_cli("--data", str(data_copy), "--port", "1")
    assert result.returncode == 1
    assert "partnerships.csv:2: end_date 2000-01-01 is before start_date 2013-01-11" in result.stderr
    assert "not started" in result.stderr


# Sources of record


def test_val020_a_row_needs_a_source_that_stands_alone(data_copy, shapes):
    rewrite(data_copy / "events.csv", 2, source_ids="S5")  # state media only
    rewrite(data_copy / "events.csv", 0, source_ids="S1;S6")  # keeps S1, still fine
    rewrite(data_copy / "events.csv", 3, source_ids="S4")  # S6 still cited by E1
    assert only_error(data_copy, shapes).endswith(
        "events.csv:4: source_ids: every source is state media or a relay that names no original; "
        "add one that is neither"
    )


def test_val021_a_relay_that_names_no_original_is_not_enough(data_copy, shapes):
    rewrite(data_copy / "sources.csv", 5, original_publisher="", original_published="")
    rewrite(data_copy / "events.csv", 3, source_ids="S6")
    rewrite(data_copy / "partnerships.csv", 4, source_ids="S4;S5")
    assert only_error(data_copy, shapes).endswith(
        "events.csv:5: source_ids: every source is state media or a relay that names no original; "
        "add one that is neither"
    )


def test_val022_a_slide_needs_a_source_of_record(data_copy, shapes):
    rewrite(data_copy / "story.csv", 5, source_ids="S5")
    assert only_error(data_copy, shapes).endswith(
        "story.csv:7: source_ids: a slide needs a wire, newspaper, broadcaster or official source"
    )


def test_val023_no_source_on_a_content_farm(data_copy, shapes, monkeypatch):
    from data import rules

    farms = data_copy / "farms.txt"
    farms.write_text("# mirrors\nmirror.example.net  # copies wire stories\n", encoding="utf-8")
    monkeypatch.setattr(rules, "CONTENT_FARMS_PATH", farms)
    assert only_error(data_copy, shapes).endswith(
        "sources.csv:7: url: mirror.example.net is a content-farm host (data/content_farms.txt); "
        "cite the original"
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"kind": "newspaper"}, "original_publisher and original_published are for relays (kind relay)"),
        ({"original_publisher": ""}, "original_published needs original_publisher"),
        (
            {"kind": "wire", "original_publisher": "", "original_published": "", "state": "RUS"},
            "state is for state media",
        ),
        ({"kind": "podcast"}, "kind: Input should be 'wire', 'newspaper'"),
    ],
)
def test_val024_source_kinds(data_copy, shapes, changes, message):
    rewrite(data_copy / "sources.csv", 5, **changes)
    assert message in only_error(data_copy, shapes)


def test_val025_state_media_name_their_state(data_copy, shapes):
    rewrite(data_copy / "sources.csv", 4, state="")
    assert only_error(data_copy, shapes).endswith(
        "sources.csv:6: state media need the state that runs them (state)"
    )


# Consistency


def test_val026_an_event_entered_twice(data_copy, shapes):
    with (data_copy / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "E9,2013-01-11,day,MLI;NER,FRA,deployment,France sends troops to Mali,"
            "La France envoie des troupes,Troops land.,Des troupes arrivent.,S1,,confirmed\n"
        )
    assert only_error(data_copy, shapes).endswith(
        "events.csv:6: the same event as E1 (line 2): same day, country, type and partner"
    )


def test_val027_an_event_in_a_month_is_the_same_as_one_on_a_day_of_it(data_copy, shapes):
    with (data_copy / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "E9,2023-07-01,month,NER,,coup,Coup in Niger's capital,Coup d'État dans la capitale,"
            "Soldiers seize power.,Des militaires prennent le pouvoir.,S4,,confirmed\n"
        )
    assert only_error(data_copy, shapes).endswith(
        "events.csv:6: the same event as E4 (line 5): same dates, country and type, alike titles"
    )


def test_val028_a_base_only_while_its_operator_is_there(data_copy, shapes):
    rewrite(data_copy / "bases.csv", 0, end_date="2023-01-01")  # France left Mali on 15 August 2022
    assert only_error(data_copy, shapes).endswith(
        "bases.csv:2: in use on 2022-08-15 but FRA has no partnership in MLI on that day "
        "(see partnerships.csv)"
    )


def test_val029_a_partnership_ends_after_its_announced_end(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 0, end_announced="2022-09-01")
    assert only_error(data_copy, shapes).endswith(
        "partnerships.csv:2: end_announced 2022-09-01 is after end_date 2022-08-15"
    )


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\u202e", "\u2066"])
def test_val030_no_hidden_characters_in_text(data_copy, shapes, character):
    rewrite(data_copy / "events.csv", 0, summary_fr=f"Les troupes{character} arrivent.")
    assert f"events.csv:2: summary_fr: contains the invisible control character U+{ord(character):04X}" in (
        only_error(data_copy, shapes)
    )


def test_val031_disputed_rows_give_both_versions(data_copy, shapes):
    rewrite(data_copy / "events.csv", 0, confidence="disputed")
    assert only_error(data_copy, shapes).endswith("events.csv:2: a disputed row gives both versions in note")
    rewrite(data_copy / "events.csv", 0, confidence="rumoured")
    assert "events.csv:2: confidence: Input should be 'confirmed', 'reported' or 'disputed'" in only_error(
        data_copy, shapes
    )


# The files themselves


def test_val032_the_story_must_be_there_and_whole(data_copy, shapes):
    path = data_copy / "story.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n", encoding="utf-8")
    assert only_error(data_copy, shapes).endswith(
        "story.csv:1: the story has 0 steps; a briefing needs at least 12 (is it cut short?)"
    )
    path.unlink()
    assert only_error(data_copy, shapes).endswith("story.csv:1: file not found")


def test_val033_a_file_cut_inside_a_quoted_cell(data_copy, shapes):
    path = data_copy / "story.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index('"Russian forces arrive') + 12], encoding="utf-8")
    found = errors_for(data_copy, shapes)
    assert found[0].endswith("story.csv:3: the file ends inside a quoted cell (was it cut short?)"), found


def test_val034_spreadsheet_byte_order_mark_is_accepted(data_copy, shapes):
    for name in ("events.csv", "sources.csv"):
        path = data_copy / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_dataset(data_copy, geography=shapes).events) == 4


def test_val035_an_encoding_error_names_its_line(data_copy, shapes):
    path = data_copy / "events.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"Russian", b"Russ\xe9an")  # Latin-1, not UTF-8
    path.write_bytes(b"\n".join(lines))
    assert only_error(data_copy, shapes).endswith(
        "events.csv:4: not UTF-8 text (byte 0xE9): save the file as UTF-8"
    )


def test_val036_an_unreadable_file_first_and_alone(data_copy, shapes):
    (data_copy / "sources.csv").unlink()  # every row cites a source: none of that is repeated
    rewrite(data_copy / "events.csv", 0, date="2023-02-30")
    found = errors_for(data_copy, shapes)
    assert found[0].endswith("sources.csv:1: file not found")
    assert len(found) == 2 and found[1].endswith(
        "events.csv:2: date: '2023-02-30' is not a real calendar date"
    )


@pytest.mark.parametrize(("content", "found"), [("", "no row"), ("2026-04-30,\n2026-05-31,\n", "2 rows")])
def test_val037_one_review_date(data_copy, shapes, content, found):
    (data_copy / "release.csv").write_text("reviewed_up_to,note\n" + content, encoding="utf-8")
    assert only_error(data_copy, shapes).endswith(
        f"release.csv:1: expected one row (the review date), found {found}"
    )


# What changed between two releases


def test_val038_diff_data_lists_rows_added_removed_and_changed(data_copy):
    old = data_copy.parent / "old"
    shutil.copytree(data_copy, old)
    rewrite(data_copy / "events.csv", 1, summary_en="Paris announces the end of the operation.")
    rewrite(data_copy / "partnerships.csv", 6, end_date="2025-01-31", note="Corrected.")
    with (data_copy / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("E9,2024-01-01,day,MLI,,political,A new event,Un nouvel événement,S.,S.,S1,,confirmed\n")
    lines = (data_copy / "bases.csv").read_text(encoding="utf-8").splitlines()
    (data_copy / "bases.csv").write_text(lines[0] + "\n", encoding="utf-8")
    result = run_cli("diff-data", str(old), str(data_copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:8] == [
        "events.csv: 1 added, 0 removed, 1 changed",
        "  + E9  A new event",
        "  ~ E2: summary_en",
        "partnerships.csv: 0 added, 0 removed, 1 changed",
        "  ~ P7: end_date, note",
        "bases.csv: 0 added, 1 removed, 0 changed",
        "  - B1  Gao",
        "sources.csv: 0 added, 0 removed, 0 changed",
    ]
    assert run_cli("diff-data", str(old)).returncode == 2
