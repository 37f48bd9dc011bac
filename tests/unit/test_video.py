"""The time-lapse video: months and holds, the frame's overlays, the command line, and short videos
decoded back (test codes: vid)."""

from __future__ import annotations

import imageio_ffmpeg
import pytest

from cli import main
from data.context import AppData
from data.i18n import LANGS
from data.loader import DATA_DIR, load_dataset
from data.period import Calendar, Period
from data.presets import PRESETS, VIDEO_PRESETS
from data.view import View
from layouts.frame import PROGRESS_HEIGHT, Caption, caption_annotation, frame_figure
from layouts.labels import text_width
from layouts.picture import compose
from layouts.text import plotly_text
from publish.chromium import find_browser
from publish.render import ImageRenderer
from publish.video import (
    FRAMES_PER_SECOND,
    HOLD_FRAMES,
    VideoError,
    encoded_size,
    month_range,
    shots,
    video,
)
from tests.conftest import FIXTURE_DATA, TODAY

needs_chromium = pytest.mark.skipif(find_browser() is None, reason="needs Chromium")
SHORT = ("2022-06", "2022-09")  # Mali's story step of 15 August 2022 and Burkina Faso's of 30 September
SHORT_FRAMES = 1 + 1 + HOLD_FRAMES + HOLD_FRAMES  # June, July, then each month's step held


@pytest.fixture(scope="module")
def real_data(shapes) -> AppData:
    return AppData(dataset=load_dataset(DATA_DIR, geography=shapes), shapes=shapes, clock=lambda: TODAY)


class CountingRenderer(ImageRenderer):
    """The real renderer, counting the images it draws."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn = 0

    def render_figure(self, *args, **kwargs) -> bytes:
        self.drawn += 1
        return super().render_figure(*args, **kwargs)


def decoded(path) -> tuple[dict, int]:
    """The video's metadata as ffmpeg reads it, and the number of frames it decodes."""
    frames = imageio_ffmpeg.read_frames(str(path))
    meta = next(frames)
    return meta, sum(1 for _ in frames)


def test_vid001_months_from_and_to():
    calendar = Calendar.until(TODAY)
    assert month_range(calendar, None, None, "en") == calendar.periods()
    assert month_range(calendar, *SHORT, "en") == tuple(Period(2022, m) for m in range(6, 10))
    assert month_range(calendar, "2023-02", "2023-02", "en") == (Period(2023, 2),)
    for bad in ("2022-13", "2022-06-15", "2011-12", "2027-01", "abc", "2022", ""):
        with pytest.raises(VideoError, match="not a month of the map"):
            month_range(calendar, bad, None, "en")
    with pytest.raises(VideoError, match="--from 2022-09 comes after --to 2022-06"):
        month_range(calendar, "2022-09", "2022-06", "en")
    with pytest.raises(VideoError, match="n'est pas un mois de la carte"):
        month_range(calendar, None, "1999-01", "fr")


def test_vid002_one_frame_a_month_and_each_story_step_held(real_data):
    months = month_range(real_data.calendar(), *SHORT, "en")
    plan = list(shots(real_data.dataset.story, months, "fr"))
    assert [(s.period, s.frames) for s in plan] == [
        (Period(2022, 6), 1),
        (Period(2022, 7), 1),
        (Period(2022, 8), HOLD_FRAMES),
        (Period(2022, 9), HOLD_FRAMES),
    ]
    assert sum(s.frames for s in plan) == SHORT_FRAMES
    assert [s.progress for s in plan] == [0.25, 0.5, 0.75, 1.0]
    assert plan[2].caption is not None and plan[2].caption.date == "15 août 2022"
    gao = next(step for step in real_data.dataset.story if step.date.isoformat() == "2022-08-15")
    assert plan[2].caption.text.startswith(gao.caption_fr[:20])
    # Two steps in one month (22 and 31 December 2023): each held in turn, the month drawn for both.
    december = list(shots(real_data.dataset.story, (Period(2023, 12),), "en"))
    assert [(s.period, s.frames, s.caption.date) for s in december] == [
        (Period(2023, 12), HOLD_FRAMES, "22 December 2023"),
        (Period(2023, 12), HOLD_FRAMES, "31 December 2023"),
    ]


@pytest.mark.parametrize("preset", VIDEO_PRESETS)
def test_vid003_overlays_stay_inside_the_canvas(preset, real_data):
    size = PRESETS[preset]
    for lang in LANGS:
        longest = max(real_data.dataset.story, key=lambda step: len(getattr(step, f"caption_{lang}")))
        caption = Caption("30 septembre 2022", getattr(longest, f"caption_{lang}"))
        view = View(period=Period(2022, 9), lang=lang)
        composition = compose(real_data, view, size)
        annotation, box = caption_annotation(composition, caption, float(size.text))
        area = dict(composition.boxes)["map"]
        assert box.within(area) or box.bottom <= area.top  # over the foot of the map, or above it
        assert box.left >= 0 and box.right <= size.width and box.top >= 0
        for name, other in composition.boxes:
            if name != "map":
                assert not box.hits(other), (name, other)
        lines = annotation["text"].split("<br>")
        assert len(lines) >= 2 and all(
            text_width(line, size.text) <= annotation["width"] for line in lines[1:]
        )
        assert " ".join(lines[1:]).split() == plotly_text(caption.text).split()  # nothing cut
        for progress in (0.0, 0.5, 1.0):
            figure = frame_figure(real_data, view, size, progress=progress, caption=caption)
            track, fill = figure.layout.shapes[-2:]  # along the canvas's bottom edge
            assert (track.x0, track.x1, track.y0) == (0.0, 1.0, 0.0)
            assert track.y1 * size.height == pytest.approx(PROGRESS_HEIGHT)
            assert fill.x1 == pytest.approx(progress)
            credit = dict(composition.boxes)["credit"]
            assert credit.bottom <= size.height - PROGRESS_HEIGHT  # the bar leaves the credit clear


def test_vid004_bad_arguments_exit_2_with_one_line(tmp_path, capsys):
    data = ["--data", str(FIXTURE_DATA)]
    cases = [
        (["video", str(tmp_path / "a.mp4"), "--from", "2022-13"], "--from 2022-13: not a month of the map"),
        (["video", str(tmp_path / "a.mp4"), "--to", "2011-12"], "--to 2011-12: not a month of the map"),
        (["video", str(tmp_path / "a.gif"), "--from", "2022-09", "--to", "2022-06"], "comes after --to"),
        (["video", str(tmp_path / "a.avi")], "a.avi: a video is written as .mp4 or .gif"),
        (["video", str(tmp_path / "a.mp4"), "--to", "x", "--lang", "fr"], "--to x : ce n'est pas un mois"),
    ]
    for argv, message in cases:
        assert main([*argv, *data]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1
    for argv in (["video"], ["video", str(tmp_path / "a.mp4"), "--preset", "tall"]):
        with pytest.raises(SystemExit) as exited:
            main([*argv, *data])
        assert exited.value.code == 2
    assert list(tmp_path.iterdir()) == []


def test_vid005_no_chromium_exits_1_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert main(["video", str(tmp_path / "a.mp4"), "--data", str(FIXTURE_DATA)]) == 1
    assert "no Chromium was found" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@needs_chromium
def test_vid006_short_mp4_decodes_to_the_frames_its_months_and_holds_make(tmp_path, real_data, capsys):
    target = tmp_path / "out" / "sahel.mp4"
    renderer = CountingRenderer()
    assert video(target, real_data, first=SHORT[0], last=SHORT[1], renderer=renderer) == 0
    assert renderer.drawn == 4  # each distinct image once: a held caption repeats its image
    meta, frames = decoded(target)
    assert frames == SHORT_FRAMES
    assert meta["fps"] == FRAMES_PER_SECOND
    assert meta["duration"] == pytest.approx(SHORT_FRAMES / FRAMES_PER_SECOND, abs=1e-3)
    assert meta["codec"] == "h264" and meta["pix_fmt"].startswith("yuv420p")
    assert meta["size"] == encoded_size(PRESETS["wide"], "mp4") == (1200, 674)
    assert [p.name for p in target.parent.iterdir()] == ["sahel.mp4"]  # no temporary file left
    err = capsys.readouterr().err
    assert f"{SHORT_FRAMES}/{SHORT_FRAMES}" in err and f"{HOLD_FRAMES + 2}/{SHORT_FRAMES}" in err


@needs_chromium
def test_vid007_short_gif_from_the_command_line(tmp_path, capsys):
    target = tmp_path / "sahel.gif"
    argv = ["video", str(target), "--from", SHORT[0], "--to", SHORT[1], "--lang", "fr", "--preset", "square"]
    assert main(argv) == 0
    meta, frames = decoded(target)
    assert frames == SHORT_FRAMES
    assert meta["fps"] == FRAMES_PER_SECOND
    assert meta["duration"] == pytest.approx(SHORT_FRAMES / FRAMES_PER_SECOND, abs=1e-3)
    assert meta["size"] == (1080, 1080)
    assert f"sahel.gif écrit : {SHORT_FRAMES} images (4 mois)" in capsys.readouterr().err


def test_vid008_an_encoder_that_fails_leaves_no_file(tmp_path, fixture_app_data, monkeypatch, capsys):
    class Stub:
        closed = False

        def available(self) -> bool:
            return True

        def render_figure(self, *args, **kwargs) -> bytes:
            return b"\x89PNG not really" * 1000

        def close(self) -> None:
            self.closed = True

    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", "/bin/false")
    stub = Stub()
    target = tmp_path / "a.mp4"
    assert video(target, fixture_app_data, first="2022-06", last="2022-07", renderer=stub) == 1
    assert "The video stopped, no file was written" in capsys.readouterr().err
    assert stub.closed and list(tmp_path.iterdir()) == []
