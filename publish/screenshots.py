"""Take screenshots of the running app, as a person would see it.

    python -m publish.screenshots [BASE_URL] [OUT_DIR] [--all]

Into OUT_DIR (`docs/shots/`, committed): the map page in October 2023 at the three sizes its users
have (a wall or desktop screen 1920×1080, a laptop 1280×720, a phone 390×844), in English and
French, named `map-<size>-<lang>.png` (the README shows `map-desktop-en.png`). With `--all`,
also into `build/shots/` (not committed): the page in more months, a comparison of two dates,
briefing mode at 1920×1080 and 1280×720, the embed at 640 px.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from data.i18n import LANGS
from publish.chromium import CHROMIUM, PLAYWRIGHT_ARGS

SIZES = {"desktop": (1920, 1080), "laptop": (1280, 720), "phone": (390, 844)}
SHOWN = "2023-10"  # the committed shots: the month the AES was a month old and Niger's coup recent
MONTHS = ("2013-01", "2022-05", "2022-09", "2023-10", "2024-12")
COMPARE = "date=2021-12&compare=2024-12"
PRESENT_SIZES = {"wall": (1920, 1080), "projector": (1280, 720)}
PRESENT_STEPS = (1, 8, 18)
EXTRA = Path("build/shots")


def open_map(page: Page, url: str, selector: str = "#map") -> None:
    """Open a page and wait until its map is drawn and its labels placed."""
    page.goto(url)
    page.locator(f"{selector} .choroplethlocation[fill]".strip()).nth(40).wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    page.locator("[data-labels-placed]").first.wait_for(state="attached")


def main(argv: list[str]) -> int:
    extended = "--all" in argv
    args = [a for a in argv if a != "--all"]
    base = args[0] if args else "http://127.0.0.1:8050"
    out = Path(args[1]) if len(args) > 1 else Path("docs/shots")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang in LANGS:
                open_map(page, f"{base}/?date={SHOWN}&lang={lang}")
                page.screenshot(path=out / f"map-{size}-{lang}.png")
            page.close()
        if extended:
            extra(browser, base)
        browser.close()
    print(f"screenshots in {out}/" + (f", more in {EXTRA}/" if extended else ""))
    return 0


def extra(browser: Browser, base: str) -> None:
    """More months, a comparison, briefing mode and the embed, into build/shots/."""
    EXTRA.mkdir(parents=True, exist_ok=True)
    for size, (width, height) in SIZES.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        for lang in LANGS:
            for month in MONTHS:
                open_map(page, f"{base}/?date={month}&lang={lang}")
                page.screenshot(path=EXTRA / f"{size}-{lang}-{month}.png")
            open_map(page, f"{base}/?{COMPARE}&lang={lang}", "#compare-second")
            page.screenshot(path=EXTRA / f"{size}-{lang}-compare.png", full_page=size == "phone")
        page.close()
    for size, (width, height) in PRESENT_SIZES.items():
        page = browser.new_page(viewport={"width": width, "height": height})
        for lang in LANGS:
            for step in PRESENT_STEPS:
                open_map(page, f"{base}/present?step={step}&lang={lang}", "")
                page.screenshot(path=EXTRA / f"present-{size}-{lang}-{step}.png")
        page.close()
    page = browser.new_page(viewport={"width": 640, "height": 760})
    for lang in LANGS:
        for query, name in ((f"date=2023-10&lang={lang}", "2023-10"), (f"{COMPARE}&lang={lang}", "compare")):
            open_map(page, f"{base}/embed?{query}", "")
            page.screenshot(path=EXTRA / f"embed-{lang}-{name}.png", full_page=True)
    page.close()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
