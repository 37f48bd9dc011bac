"""The events table to study with: search, order, filters kept in the address, following the map,
"Download these rows", the header row kept in view (test codes: tab)."""

from __future__ import annotations

import csv
import re
import unicodedata

from playwright.sync_api import Page, expect

from data.loader import DATA_DIR, load_dataset
from tests.browser.helpers import open_map

EVENTS = load_dataset(DATA_DIR).events
TOTAL = len(EVENTS)
# As patient as every page's own waits (tests/browser/conftest.py): the machine may be busy.
expect.set_options(timeout=20_000)


def plain(text: str) -> str:
    """Text without case or accents, as a reader's search treats it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def open_table(page: Page, url: str) -> None:
    """Open the map page and bring the events table in, once its rows are drawn."""
    open_map(page, url)
    page.locator("#data").scroll_into_view_if_needed()
    page.wait_for_function("() => /\\d/.test(document.querySelector('#table-count').textContent)")


def wait_for_count(page: Page, count: int, total: int = TOTAL) -> None:
    expect(page.locator("#table-count")).to_have_text(f"{count} of {total} events")
    expect(page.locator("#table-body tbody tr")).to_have_count(count)


def titles(page: Page) -> list[str]:
    return page.locator("#table-body tbody tr td:nth-child(3) b").all_inner_texts()


def pick(page: Page, control: str, option: str) -> None:
    """Choose an option of one of the table's dropdowns."""
    page.locator(f"#{control}").click()
    page.get_by_role("option", name=option, exact=True).click()


def test_tab001_a_search_finds_its_rows_and_survives_a_reload(page, recorder, server):
    open_table(page, server + "/")
    wait_for_count(page, TOTAL)
    expected = [e for e in EVENTS if "takuba" in plain(f"{e.title_en} {e.summary_en}")]
    assert 3 <= len(expected) < TOTAL
    search = page.get_by_label("Search titles and summaries")
    search.fill("TAKUBA")  # any case
    wait_for_count(page, len(expected))
    for row in page.locator("#table-body tbody tr td:nth-child(3)").all_inner_texts():
        assert "takuba" in row.casefold(), row
    page.wait_for_url(re.compile(r"[?&]q=TAKUBA"))
    page.reload()
    open_table(page, page.url)
    expect(page.get_by_label("Search titles and summaries")).to_have_value("TAKUBA")
    wait_for_count(page, len(expected))
    # Accents and case do not matter: "etat" finds "État".
    page.get_by_label("Search titles and summaries").fill("etat")
    etat = [e for e in EVENTS if "etat" in plain(f"{e.title_en} {e.summary_en}")]
    wait_for_count(page, len(etat))
    page.wait_for_url(re.compile(r"[?&]q=etat"))
    # Back to the previous search.
    page.go_back()
    expect(page.get_by_label("Search titles and summaries")).to_have_value("TAKUBA")
    wait_for_count(page, len(expected))
    recorder.assert_clean()


def test_tab002_the_order_by_date_toggles(page, recorder, server):
    open_table(page, server + "/")
    wait_for_count(page, TOTAL)
    newest = sorted(EVENTS, key=lambda e: (e.date, e.id), reverse=True)
    date_header = page.locator("#table-body th").first
    expect(date_header).to_have_attribute("aria-sort", "descending")
    assert titles(page)[:3] == [e.title_en for e in newest[:3]]
    pick(page, "table-sort", "Oldest first")
    expect(date_header).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("#table-body tbody tr td:nth-child(3) b").first).to_have_text(newest[-1].title_en)
    assert titles(page) == [e.title_en for e in reversed(newest)]
    page.wait_for_url(re.compile(r"t_sort=oldest"))
    # The order is a control the keyboard reaches: back to newest first without the mouse.
    focused = "(value) => document.activeElement && document.activeElement.value === value"
    page.locator("#table-sort").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(focused, arg="oldest")  # the list is open on the order chosen
    page.keyboard.press("ArrowUp")
    page.wait_for_function(focused, arg="newest")
    page.keyboard.press("Enter")
    expect(date_header).to_have_attribute("aria-sort", "descending")
    assert titles(page)[0] == newest[0].title_en
    recorder.assert_clean()


def test_tab003_the_table_follows_the_map_until_told_not_to(page, recorder, server):
    open_table(page, server + "/?date=2023-12")
    country, up_to = page.locator("#table-country"), page.locator("#table-to")
    expect(country).to_contain_text("All")
    expect(up_to).to_have_text("2023")  # December: the whole year
    wait_for_count(page, sum(e.date.year <= 2023 for e in EVENTS))
    # Choosing Niger on the map: the table shows Niger's events up to the date the map shows.
    page.get_by_role("button", name="Niger", exact=True).click()
    expect(country).to_contain_text("Niger")
    niger = [e for e in EVENTS if "NER" in e.country and e.date.year <= 2023]
    wait_for_count(page, len(niger))
    for row in page.locator("#table-body tbody tr td:nth-child(2)").all_inner_texts():
        assert "Niger" in row
    # The map a month earlier: so is the table.
    page.locator("#year-prev").click()
    expect(up_to).to_contain_text("November 2023")
    wait_for_count(page, sum(1 for e in niger if e.date.month < 12 or e.date.year < 2023))
    # Switched off, the table keeps its own filters, and the address says so.
    page.get_by_label("Follow the map").uncheck()
    page.wait_for_url(re.compile(r"t_country=NER.*t_to=2023-11.*t_follow=0"))
    page.get_by_role("button", name="Chad", exact=True).click()
    page.locator("#panel h2", has_text="Chad").wait_for()
    page.wait_for_url(re.compile(r"country=TCD"))
    page.locator("#year-next").click()
    page.wait_for_url(re.compile(r"date=2023-12"))
    expect(country).to_contain_text("Niger")
    expect(up_to).to_contain_text("November 2023")
    assert page.get_by_label("Follow the map").is_checked() is False
    # On again, it catches up with the map.
    page.get_by_label("Follow the map").check()
    expect(country).to_contain_text("Chad")
    expect(up_to).to_have_text("2023")
    page.wait_for_url(lambda url: "t_follow" not in url and "t_country" not in url)
    # A country picked in the table while it follows the map: it keeps that one, and stops following.
    pick(page, "table-country", "Senegal")  # every country of the data is offered, not only the four
    expect(page.get_by_label("Follow the map")).not_to_be_checked()
    page.wait_for_url(re.compile(r"t_country=SEN"))
    senegal = [e for e in EVENTS if "SEN" in e.country and e.date.year <= 2023]
    wait_for_count(page, len(senegal))
    recorder.assert_clean()


def test_tab004_download_these_rows_gives_exactly_the_rows_shown(page, recorder, server, tmp_path):
    open_table(page, server + "/?q=barkhane&t_type=handover&t_from=2021&t_sort=oldest&lang=fr")
    shown = titles(page)
    assert len(shown) >= 2
    expect(page.locator("#table-count")).to_have_text(f"{len(shown)} événements sur {TOTAL}")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger ces lignes (CSV)").click()
    path = tmp_path / "rows.csv"
    download.value.save_as(path)
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["title"] for row in rows] == shown
    assert all(row["type"] == "handover" and row["date"] >= "2021" for row in rows)
    assert all(row["sources"].count("http") >= len(row["source_ids"].split(";")) for row in rows)
    recorder.assert_clean()


def test_tab005_the_page_scrolls_as_a_whole_and_the_header_row_stays(page, recorder, server):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_table(page, server + "/")
    wait_for_count(page, TOTAL)
    inner = page.evaluate(
        "() => { const b = document.querySelector('#table-body');"
        " return [b.scrollHeight, b.clientHeight, getComputedStyle(b.parentNode).overflowY]; }"
    )
    assert inner[0] == inner[1] and inner[2] == "visible"  # no box of its own to scroll
    page.mouse.wheel(0, 4000)
    page.wait_for_function(
        "() => document.querySelector('#table-body tbody tr').getBoundingClientRect().top < -500"
    )
    header = page.locator("#table-body thead th").first.bounding_box()
    assert header and -1 <= header["y"] <= 1, header  # stuck to the top of the screen
    # Drawn over the rows that scroll under it: what is seen there is the header.
    seen = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('th')?.textContent",
        [header["x"] + 10, header["y"] + header["height"] / 2],
    )
    assert seen == "Date"
    recorder.assert_clean()


def test_tab006_a_phone_draws_every_row(phone_page, recorder, server):
    open_table(phone_page, server + "/")
    wait_for_count(phone_page, TOTAL)
    card = phone_page.locator("#table-body tbody tr").nth(TOTAL - 1)
    card.scroll_into_view_if_needed()
    expect(card).to_be_in_viewport()
    recorder.assert_clean()


def test_tab007_back_to_the_pages_first_address_restores_map_and_table(page, recorder, server):
    open_table(page, server + "/")
    page.get_by_role("button", name="Mali", exact=True).click()
    page.wait_for_url(re.compile(r"country=MLI"))
    expect(page.locator("#table-country")).to_contain_text("Mali")
    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    page.locator("#panel h2", has_text="At a glance").wait_for()
    expect(page.locator("#table-country")).to_contain_text("All")
    wait_for_count(page, TOTAL)
    recorder.assert_clean()
