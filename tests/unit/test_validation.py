"""Each validation rule, fed a broken file: the message and its line number (test codes: val)."""

from __future__ import annotations

import csv
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
        handle.write("S5,Fixture Wire,Unused,2020-01-01,https://example.org/fixture/s5\n")
    assert only_error(data_copy, shapes).endswith("sources.csv:6: source 'S5' is cited by no row")


def test_val010_unknown_partner(data_copy, shapes):
    rewrite(data_copy / "partnerships.csv", 0, partner="XX")
    assert only_error(data_copy, shapes).endswith("partnerships.csv:2: partner: unknown partner 'XX'")


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
    assert only_error(data_copy, shapes).endswith("events.csv:7: expected 12 fields, found 3")


def test_val016_every_error_reported_at_once(data_copy, shapes):
    rewrite(data_copy / "events.csv", 0, date="2023-13-01")
    rewrite(data_copy / "partnerships.csv", 0, country="ZZZ")
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
