"""Take screenshots of the running app, as a person would see it.

    python -m publish.screenshots [BASE_URL] [OUT_DIR]

Desktop (1920×1080) and phone (390×844), English and French, for a few months and one comparison
of two dates; briefing mode at 1920×1080 and 1280×720; the embed (one date, and a comparison) at
640 px. The README's screenshot is `docs/screenshot.png` (desktop, English, October 2023).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from data.i18n import LANGS
from publish.chromium import CHROMIUM, PLAYWRIGHT_ARGS

SIZES = {"desktop": (1920, 1080), "phone": (390, 844)}
MONTHS = ("2013-01", "2022-05", "2022-09", "2023-10", "2024-12")
COMPARE = "date=2021-12&compare=2024-12"
PRESENT_SIZES = {"wall": (1920, 1080), "projector": (1280, 720)}
PRESENT_STEPS = (1, 8, 18)


def main(argv: list[str]) -> int:
    base = argv[0] if argv else "http://127.0.0.1:8050"
    out = Path(argv[1]) if len(argv) > 1 else Path("docs/shots")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang in LANGS:
                for month in MONTHS:
                    page.goto(f"{base}/?date={month}&lang={lang}")
                    page.locator("#map .choroplethlocation[fill]").nth(40).wait_for(state="attached")
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=out / f"{size}-{lang}-{month}.png")
                page.goto(f"{base}/?{COMPARE}&lang={lang}")
                page.locator("#compare-second .choroplethlocation[fill]").nth(40).wait_for(state="attached")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=out / f"{size}-{lang}-compare.png", full_page=size == "phone")
            page.close()
        for size, (width, height) in PRESENT_SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for lang in LANGS:
                for step in PRESENT_STEPS:
                    page.goto(f"{base}/present?step={step}&lang={lang}")
                    page.locator(".choroplethlocation").nth(40).wait_for(state="attached")
                    page.wait_for_timeout(600)
                    page.screenshot(path=out / f"present-{size}-{lang}-{step}.png")
            page.close()
        page = browser.new_page(viewport={"width": 640, "height": 760})
        for lang in LANGS:
            for query, name in (
                (f"date=2023-10&lang={lang}", "2023-10"),
                (f"{COMPARE}&lang={lang}", "compare"),
            ):
                page.goto(f"{base}/embed?{query}")
                page.locator(".choroplethlocation").nth(40).wait_for(state="attached")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=out / f"embed-{lang}-{name}.png", full_page=True)
        page.close()
        browser.close()
    readme_shot = out / "desktop-en-2023-10.png"
    Path("docs").mkdir(exist_ok=True)
    Path("docs/screenshot.png").write_bytes(readme_shot.read_bytes())
    print(f"screenshots in {out}/, README screenshot in docs/screenshot.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
