"""Published pictures per preset, as Chromium draws them: every text inside the canvas, none under
12 px, none overlapping another, and the map's labels clear of each other and of the markers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from data.presets import PRESETS
from tests.browser.helpers import fetch_image, label_clashes, picture_text_problems


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("preset", list(PRESETS))
def test_pic101_each_preset_holds_its_texts(page: Page, server: str, preset: str, lang: str):
    for period, query in (("2023-10", ""), ("2022-08", "&lens=RUS")):
        status, body = fetch_image(f"{server}/snapshot/{period}.svg?lang={lang}&preset={preset}{query}")
        assert status == 200, body[:200]
        page.set_content(body.decode("utf-8"))
        found = picture_text_problems(page)
        assert found["problems"] == [], (preset, lang, query, found)
        assert found["width"] == PRESETS[preset].width
        if PRESETS[preset].height:
            assert found["height"] == PRESETS[preset].height
        texts = " ".join(found["texts"])
        assert "Natural Earth" in texts and ("2023" in texts or "2022" in texts)
        labels = label_clashes(page, None)
        assert labels["problems"] == [] and len(labels["labels"]) >= 4, (preset, lang, query, labels)
