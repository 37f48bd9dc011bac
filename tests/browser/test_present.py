"""Briefing mode, driven as a briefing officer does it: keys and a clicker's PageUp/PageDown
(test codes: prs1xx)."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page, expect

from data.loader import DATA_DIR, load_dataset
from data.period import Calendar
from tests.browser.conftest import Recorder
from tests.browser.helpers import settled_label_clashes

STORY = load_dataset(DATA_DIR).story


def open_present(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".present .choroplethlocation").nth(40).wait_for(state="attached")


def wait_step(page: Page, step: int, lang: str = "en") -> None:
    text = f"Step {step} of {len(STORY)}" if lang == "en" else f"Étape {step} sur {len(STORY)}"
    page.locator(".present-progress").filter(has_text=text).wait_for()
    caption = getattr(STORY[step - 1], f"caption_{lang}")
    # As read: a glossary term's definition is in the caption's text, hidden until hovered.
    expect(page.locator(".present-caption")).to_have_text(caption, use_inner_text=True)
    assert page.locator(".present-year").inner_text() == str(STORY[step - 1].date.year)


def wait_state(page: Page, state: dict[str, object], selector: str = ".present-text-inner") -> None:
    """Wait until a window shows a state (some of its fields), as its `data-present-state` says."""
    page.wait_for_function(
        "([selector, want]) => { const box = document.querySelector(selector + '[data-present-state]');"
        " if (!box) { return false; } const state = JSON.parse(box.getAttribute('data-present-state'));"
        " return Object.entries(want).every(([k, v]) => state[k] === v); }",
        arg=[selector, state],
    )


def test_prs101_keys_move_through_the_story(page: Page, recorder: Recorder, server: str):
    open_present(page, f"{server}/present")
    wait_step(page, 1)
    assert "Serval" in page.locator(".present-caption").inner_text()
    assert page.locator(".present-date").inner_text() == "11 January 2013"
    assert page.locator(".present-source").inner_text().startswith("Sources: ")
    for key, step in [("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2)]:
        page.keyboard.press(key)
        wait_step(page, step)
    assert page.url.endswith("/present?step=2")
    page.keyboard.press("End")
    wait_step(page, len(STORY))
    assert page.locator(".present-end").count() == 0
    page.keyboard.press("PageDown")  # past the last step: the end slide
    end = page.locator(".present-end")
    end.filter(has_text="End of the briefing").wait_for()
    assert f"{len(STORY)} steps" in end.inner_text() and "Q: leave for the map" in end.inner_text()
    page.keyboard.press("ArrowRight")  # the end slide stays
    wait_state(page, {"step": len(STORY), "end": True})
    page.keyboard.press("ArrowLeft")  # back to the last step
    wait_step(page, len(STORY))
    end.wait_for(state="detached")
    page.keyboard.press("ArrowRight")
    end.wait_for()
    page.keyboard.press("Home")
    wait_step(page, 1)
    recorder.assert_clean()


def test_prs102_language_play_and_leave(page: Page, recorder: Recorder, server: str):
    step = next(i for i, s in enumerate(STORY, start=1) if s.date.year == 2025 and s.date.month == 9)
    open_present(page, f"{server}/present?step={step}")
    wait_step(page, step)
    page.keyboard.press("l")
    wait_step(page, step, "fr")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.url.endswith(f"/present?step={step}&lang=fr")
    page.keyboard.press("L")
    wait_step(page, step)

    page.keyboard.press("Home")
    wait_step(page, 1)
    page.keyboard.press("p")
    last = Calendar.until(dt.date.today()).last.year
    page.locator(".present-progress").filter(has_text=f"Playing 2013 → {last}").wait_for()
    page.locator(".present-year").filter(has_text="2014").wait_for(timeout=10_000)
    assert page.locator(".present-caption").inner_text().startswith("On 31 December 2014 — ")
    page.keyboard.press("P")
    page.locator(".present-progress").filter(has_text="paused").wait_for()
    paused_on = page.locator(".present-year").inner_text()
    page.wait_for_timeout(2500)
    assert page.locator(".present-year").inner_text() == paused_on

    page.keyboard.press("Escape")  # no longer leaves the briefing
    page.keyboard.press("l")
    page.locator(".present-progress").filter(has_text="en pause").wait_for()
    assert "/present" in page.url
    page.keyboard.press("q")  # Q leaves, for the main map at the same date
    shown = Calendar.until(dt.date.today()).year_end(int(paused_on))
    page.wait_for_url(f"{server}/?date={shown.token()}&lang=fr")
    page.locator("#year-display").filter(has_text=shown.label("fr")).wait_for()
    recorder.assert_clean()


def test_prs103_full_screen_and_a_bad_step(page: Page, recorder: Recorder, server: str):
    open_present(page, f"{server}/present?step=5")
    wait_step(page, 5)
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement !== null")
    # In full screen the key hint is hidden at once.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.present-keys')).opacity === '0'")
    page.keyboard.press("F")
    page.wait_for_function("() => document.fullscreenElement === null")
    page.keyboard.press("f")
    page.wait_for_function("() => document.fullscreenElement !== null")
    page.keyboard.press("Escape")  # Esc leaves full screen, and only that
    page.wait_for_function("() => document.fullscreenElement === null")
    page.keyboard.press("ArrowRight")
    wait_step(page, 6)
    open_present(page, f"{server}/present?step=<b>99</b>")
    wait_step(page, 1)
    notice = page.locator("#notice")
    assert "is not a step of the story" in notice.inner_text() and notice.locator("b").count() == 0
    recorder.assert_clean()


def test_prs104_large_type_at_both_sizes(page: Page, recorder: Recorder, server: str):
    smallest = """() => Math.min(...Array.from(document.querySelectorAll('.present *'))
        .filter(el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
        .map(el => parseFloat(getComputedStyle(el).fontSize)))"""
    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        for lang in ("en", "fr"):
            open_present(page, f"{server}/present?step=8&lang={lang}")
            wait_step(page, 8, lang)
            assert page.evaluate(smallest) >= 16, (width, lang)
            assert page.evaluate("document.documentElement.scrollHeight") <= height  # nothing to scroll
            caption = page.locator(".present-caption").bounding_box()
            assert caption is not None and caption["y"] + caption["height"] <= height
    recorder.assert_clean()


def labels_placed(page: Page) -> int:
    return int(page.locator(".present-map .js-plotly-plot").get_attribute("data-labels-placed") or "0")


def test_prs105_hint_black_screen_and_bases(page: Page, recorder: Recorder, server: str):
    open_present(page, f"{server}/present?step=2")  # a step that points out no base: they are off
    wait_step(page, 2)
    # The key hint fades by itself after a few seconds.
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.present-keys')).opacity === '0'", timeout=15_000
    )
    black = "() => getComputedStyle(document.querySelector('.present'), '::after').content"
    for key in ("b", ".", "B", "."):
        was = page.locator(".present.present-black").count()
        page.keyboard.press(key)
        page.locator(".present.present-black").nth(0).wait_for(state="attached" if not was else "detached")
        if not was:
            assert page.evaluate(black) == '""'  # a box over everything, in the theme's black
    # K shows the bases' marks, glyphs of at least 18 px, and their key in the legend.
    assert page.locator(".present-map g.trace.scattergeo path.point").count() == 0
    page.keyboard.press("k")
    wait_state(page, {"bases": True, "step": 2})
    page.locator(".present-map g.trace.scattergeo path.point").first.wait_for()
    sizes = page.evaluate(
        "() => Array.from(document.querySelectorAll('.present-map g.trace.scattergeo path.point'))"
        ".map(p => p.getBoundingClientRect().width).filter(w => w > 0)"
    )
    assert sizes and min(sizes) >= 18, sizes
    marks = page.locator(".present-legend .base-mark")
    assert marks.count() > 0
    assert float(marks.first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 18
    page.keyboard.press("ArrowRight")  # K sticks from step to step
    wait_state(page, {"bases": True, "step": 3})
    page.keyboard.press("K")
    wait_state(page, {"bases": False, "step": 3})
    recorder.assert_clean()


_BOXES = """() => Object.fromEntries(
  ['.present-map', '.present-band', '.present-legend', '.present-when', '.present-foot', '.present-keys']
    .map(s => { const r = document.querySelector(s).getBoundingClientRect();
                return [s, [r.left, r.top, r.width, r.height].map(Math.round)]; }))"""


def test_prs106_play_keeps_the_layout_still(page: Page, recorder: Recorder, server: str):
    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        open_present(page, f"{server}/present?step=2")
        wait_step(page, 2)
        before = page.evaluate(_BOXES)
        page.keyboard.press("p")
        last = Calendar.until(dt.date.today()).last.year
        page.locator(".present-progress").filter(has_text=f"Playing 2013 → {last}").wait_for()
        assert page.evaluate(_BOXES) == before, (width, before, page.evaluate(_BOXES))
        page.locator(".present-year").filter(has_text="2014").wait_for(timeout=10_000)
        assert page.evaluate(_BOXES) == before, width
        page.keyboard.press("l")
        page.locator(".present-progress").filter(has_text=f"Lecture 2013 → {last}").wait_for()
        page.keyboard.press("p")
        page.locator(".present-progress").filter(has_text="en pause").wait_for()
    recorder.assert_clean()


def test_prs107_each_step_shows_what_changed(page: Page, recorder: Recorder, server: str):
    from data.context import load_app_data
    from data.i18n import format_date, t
    from data.present import changed_countries, colour_changed, what_changed
    from data.state import recent_coup

    data = load_app_data()
    open_present(page, f"{server}/present")
    gd = page.locator(".present-map .js-plotly-plot")
    for i, step in enumerate(STORY):
        if i:
            page.keyboard.press("ArrowRight")
        wait_step(page, i + 1)
        line = page.locator(".present-changed")
        assert line.inner_text() == what_changed(data, i, "en"), step
        if i and colour_changed(data, i):
            # The country whose colour changed pulses on arrival.
            page.wait_for_function(
                "(iso) => (document.querySelector('.present-map .js-plotly-plot').getAttribute('data-pulsed')"
                " || '').startsWith(iso + ' ')",
                arg=changed_countries(data, i)[-1],  # the last of them to pulse marks the map
            )
            assert gd.get_attribute("data-pulsed", timeout=1000)
        coup = recent_coup(data.dataset.events, step.country, step.date)
        if coup is not None:
            # A coup within the year: its dated badge stays on its country's label, shown.
            badge = "✖ " + t("label.coup", "en", date=format_date(coup.date, "en", "month"))
            page.wait_for_function(
                "(badge) => Array.from(document.querySelectorAll('.present-map tspan.line'))"
                ".some(l => l.textContent === badge && l.style.display !== 'none'"
                " && l.closest('text').style.display !== 'none')",
                arg=badge,
            )
    page.keyboard.press("l")
    wait_step(page, len(STORY), "fr")
    assert page.locator(".present-changed").inner_text() == what_changed(data, len(STORY) - 1, "fr")
    recorder.assert_clean()


def test_prs108_no_pulse_for_reduced_motion(page: Page, recorder: Recorder, server: str):
    from data.context import load_app_data
    from data.present import colour_changed

    data = load_app_data()
    index = next(i for i in range(1, len(STORY)) if colour_changed(data, i))
    page.emulate_media(reduced_motion="reduce")
    open_present(page, f"{server}/present?step={index}")
    wait_step(page, index)
    placed = labels_placed(page)
    page.keyboard.press("ArrowRight")
    wait_step(page, index + 1)
    page.wait_for_function(
        "(n) => +document.querySelector('.present-map .js-plotly-plot')"
        ".getAttribute('data-labels-placed') > n",
        arg=placed,
    )
    assert page.locator(".present-map .js-plotly-plot").get_attribute("data-pulsed") is None
    assert page.locator(".present-pulse").count() == 0
    recorder.assert_clean()


_SIZES = """() => {
  const shown = (el) => { for (let n = el; n; n = n.parentElement) {
    if (n.style && n.style.display === 'none') { return false; } } return true; };
  const size = (el) => parseFloat(getComputedStyle(el).fontSize);
  const labels = Array.from(document.querySelectorAll('.present-map g.trace.scattergeo'))[0]
    .querySelectorAll('text');
  return {
    labels: Array.from(labels).filter(t => t.textContent.trim() && shown(t)).map(size),
    names: Array.from(labels).filter(t => t.textContent.trim() && shown(t)).map(t => t.textContent),
    legend: Array.from(document.querySelectorAll('.present-legend li, .present-legend .legend-title'))
      .map(size),
    source: size(document.querySelector('.present-source')),
  };
}"""


def test_prs109_legible_from_the_back_of_the_room(page: Page, recorder: Recorder, server: str):

    for width, height in ((1920, 1080), (1280, 720)):
        page.set_viewport_size({"width": width, "height": height})
        for lang in ("en", "fr"):
            for step in (1, 9, 17, 24, len(STORY)):  # 17 and 24 cross out closed bases, with their names
                open_present(page, f"{server}/present?step={step}&lang={lang}")
                wait_step(page, step, lang)
                clashes = settled_label_clashes(page, ".present-map")
                assert clashes["problems"] == [], (width, lang, step, clashes)
                sizes = page.evaluate(_SIZES)
                assert len(sizes["labels"]) >= 4, sizes
                assert min(sizes["labels"]) >= 0.035 * height, (width, lang, sizes)
                assert min(sizes["legend"]) >= 0.02 * height, (width, lang, sizes)
                assert sizes["source"] >= 0.02 * height, (width, lang, sizes)
    recorder.assert_clean()


def test_prs110_notes_window_and_wall_move_together(page: Page, recorder: Recorder, server: str):
    open_present(page, f"{server}/present?step=2")
    wait_step(page, 2)
    with page.expect_popup() as opened:
        page.keyboard.press("n")  # N opens the presenter's window
    notes = opened.value
    notes.on("console", lambda m: m.type == "error" and recorder.console_errors.append(m.text))
    notes.on("pageerror", lambda error: recorder.console_errors.append(str(error)))
    notes.wait_for_url(f"{server}/present/notes?step=2")
    wait_state(notes, {"step": 2}, ".notes-text-inner")
    now = notes.locator(".notes-now")
    assert STORY[1].caption_en in now.inner_text() and f"Step 2 of {len(STORY)}" in now.inner_text()
    assert STORY[2].caption_en in notes.locator(".notes-next").inner_text()
    assert notes.locator(".notes-notes").inner_text() in (STORY[1].notes_en, "No notes for this step.")
    assert notes.locator(".notes-sources li").count() == len(STORY[1].source_ids)
    assert str(STORY[1].date.year) in notes.locator(".notes-sources").inner_text()
    notes.locator(".notes-clock").filter(has_text="0:01").wait_for(timeout=10_000)  # time since it opened

    page.keyboard.press("ArrowRight")  # a key on the wall moves the notes
    wait_step(page, 3)
    wait_state(notes, {"step": 3}, ".notes-text-inner")
    notes.keyboard.press("ArrowRight")  # and a key in the notes moves the wall
    wait_state(notes, {"step": 4}, ".notes-text-inner")
    wait_step(page, 4)
    notes.keyboard.press("l")
    wait_step(page, 4, "fr")
    expect(notes.locator(".notes-now .notes-caption")).to_have_text(STORY[3].caption_fr, use_inner_text=True)
    notes.keyboard.press("b")  # B in the notes blacks the wall
    page.locator(".present.present-black").wait_for(state="attached")
    page.keyboard.press("End")
    wait_step(page, len(STORY), "fr")
    page.keyboard.press("ArrowRight")
    wait_state(notes, {"step": len(STORY), "end": True}, ".notes-text-inner")
    assert "Fin de la présentation" in notes.locator(".notes-next").inner_text()

    # A notes window opened on its own follows the wall at once.
    other = page.context.new_page()
    other.goto(f"{server}/present/notes")
    wait_state(other, {"step": len(STORY), "end": True, "lang": "fr"}, ".notes-text-inner")
    recorder.assert_clean()


def test_prs111_a_closed_base_is_crossed_out_with_its_name(page: Page, recorder: Recorder, server: str):
    from data.context import load_app_data
    from data.present import closed_bases

    data = load_app_data()
    index = next(i for i, step in enumerate(STORY) if step.date == dt.date(2025, 1, 30))  # France leaves Chad
    names = sorted(base.label_en for base in closed_bases(data, index))
    assert len(names) == 3
    closed = ".present-map g.trace.scattergeo.present-closed"
    for motion in ("no-preference", "reduce"):
        page.emulate_media(reduced_motion=motion)
        open_present(page, f"{server}/present?step={index}")
        wait_step(page, index)
        page.keyboard.press("ArrowRight")
        wait_step(page, index + 1)
        assert page.locator(".present-text-inner").get_attribute("data-closed").count(";") == 2
        # Each name under its struck-through marker, in the closed bases' trace.
        page.wait_for_function(
            "(want) => { const g = Array.from(document.querySelectorAll('.present-map g.trace.scattergeo'))"
            ".find(g => g.__data__ && g.__data__[0].trace.uid === 'closed'); if (!g) { return false; }"
            " const got = Array.from(g.querySelectorAll('text')).map(t => t.textContent).sort();"
            " return JSON.stringify(got) === JSON.stringify(want)"
            " && g.querySelectorAll('path.point').length === 3; }",
            arg=names,
        )
        if motion == "reduce":  # they stay for the whole step
            assert page.locator(closed).count() == 0
        else:  # they show, then fade: the marks and the strokes through them
            page.locator(closed).nth(1).wait_for(state="attached")
            assert page.locator(".present-map .js-plotly-plot").get_attribute("data-crossed")
        clashes = settled_label_clashes(page, ".present-map")
        assert clashes["problems"] == [], clashes
        assert set(names) <= set(clashes["labels"])  # none hidden for want of room
        assert (
            "Bases closed: N'Djamena, Abéché and Faya-Largeau (France)"
            in page.locator(".present-changed").inner_text()
        )
    recorder.assert_clean()
