"""`python app.py video FILE.mp4|FILE.gif`: the map month by month as a time-lapse video.

One frame per month (`layouts.frame.frame_figure`: the published picture at a preset's size, with
a progress bar), `FRAMES_PER_SECOND` months a second; a month with a step of the story
(`data/story.csv`) shows each of its steps' captions for `HOLD_SECONDS` instead. Frames are
rendered with one renderer, each distinct frame once (a held caption repeats the same image), and
streamed as PNG into the ffmpeg that the `imageio-ffmpeg` wheel ships, which writes H.264 MP4
(yuv420p) or GIF into a temporary file beside the target; the finished file then replaces the target
in one step (`publish.export.replacing`).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from data.context import AppData
from data.i18n import DEFAULT_LANG, Lang, format_date, t
from data.period import Calendar, Period
from data.presets import DEFAULT_PRESET, PRESETS, Preset
from data.schema import StoryStep
from data.view import View, echo
from layouts.frame import Caption, frame_figure
from publish.address import configured_address
from publish.export import ExportError, progress, replacing
from publish.render import ImageRenderer, RenderTimeout, RenderUnavailable

# 4 months a second: a year passes in 3 s, the whole map (about 15 years) in about a minute, and a
# month is on screen long enough (0.25 s) for its title's date to be read in passing.
FRAMES_PER_SECOND = 4
HOLD_SECONDS = 3  # a step of the story: its caption is read before the months move on
HOLD_FRAMES = FRAMES_PER_SECOND * HOLD_SECONDS
FORMATS = ("mp4", "gif")
CRF = 20  # H.264 quality: sharp text on flat colours, a few MB for the whole map


class VideoError(RuntimeError):
    """The video cannot be made as asked (a message for the command line)."""


@dataclass(frozen=True)
class Shot:
    """One distinct image of the video and how many frames it is shown for."""

    period: Period
    progress: float  # of the months, 0 to 1
    caption: Caption | None
    frames: int


def month_range(calendar: Calendar, first: str | None, last: str | None, lang: Lang) -> tuple[Period, ...]:
    """The months from `first` to `last` (`YYYY-MM`, the calendar's ends when not given)."""

    def read(option: str, raw: str | None, default: Period) -> Period:
        if raw is None:
            return default
        period = Period.parse(raw)
        if period is None or period.day is not None or period not in calendar:
            ends = {"first": calendar.first.token(), "last": calendar.last.token()}
            raise VideoError(t("video.bad_month", lang, option=option, value=echo(raw), **ends))
        return period

    start, end = read("from", first, calendar.first), read("to", last, calendar.last)
    if start > end:
        raise VideoError(t("video.order", lang, first=start.token(), last=end.token()))
    return tuple(period for period in calendar if start <= period <= end)


def shots(story: Sequence[StoryStep], months: Sequence[Period], lang: Lang) -> Iterator[Shot]:
    """The video's images in order: each month once, or each of its story steps held."""
    steps: dict[Period, list[StoryStep]] = defaultdict(list)
    for step in sorted(story, key=lambda s: (s.date, s.step)):
        steps[Period.containing(step.date)].append(step)
    for index, period in enumerate(months):
        done = (index + 1) / len(months)
        if not steps.get(period):
            yield Shot(period, done, None, 1)
        for step in steps.get(period, ()):
            caption = Caption(format_date(step.date, lang), getattr(step, f"caption_{lang}"))
            yield Shot(period, done, caption, HOLD_FRAMES)


def encoded_size(preset: Preset, fmt: str) -> tuple[int, int]:
    """The video's frame size: the preset's, made even for H.264 in yuv420p (the top row of pixels,
    the title's empty margin, and the rightmost column are left out when a side is odd)."""
    if fmt == "mp4":
        return preset.width - preset.width % 2, preset.height - preset.height % 2
    return preset.width, preset.height


def encoder_command(ffmpeg: str, fmt: str, preset: Preset, output: Path) -> list[str]:
    """ffmpeg reading PNG images on its standard input and writing the video to `output`."""
    command = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y"]
    command += ["-f", "image2pipe", "-framerate", str(FRAMES_PER_SECOND), "-c:v", "png", "-i", "pipe:0"]
    if fmt == "mp4":
        width, height = encoded_size(preset, fmt)
        command += ["-vf", f"crop={width}:{height}:0:{preset.height - height}"]
        command += ["-c:v", "libx264", "-preset", "medium", "-crf", str(CRF), "-pix_fmt", "yuv420p"]
        command += ["-movflags", "+faststart", "-f", "mp4"]
    else:
        # A palette per frame, made as the frame passes: nothing is held back for the whole video.
        command += ["-vf", "split[a][b];[a]palettegen=stats_mode=single[p];[b][p]paletteuse=new=1"]
        command += ["-loop", "0", "-f", "gif"]
    return [*command, str(output)]


def ffmpeg_executable() -> str:
    """The ffmpeg the imageio-ffmpeg wheel ships (`IMAGEIO_FFMPEG_EXE` names another)."""
    import imageio_ffmpeg

    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:  # the wheel's binary is missing and no other ffmpeg was named
        raise VideoError(str(exc)) from exc


@contextlib.contextmanager
def encoding(command: list[str]) -> Iterator[Callable[[bytes], None]]:
    """An ffmpeg process fed one PNG image per call of the function given; leaving the block without
    error finishes the file, an error stops ffmpeg."""
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log)
        feed = process.stdin
        assert feed is not None

        def failure() -> VideoError:
            log.seek(0)
            lines = log.read().decode("utf-8", "replace").strip().splitlines()
            return VideoError(f"ffmpeg: {lines[-1] if lines else f'exit code {process.returncode}'}")

        def write(image: bytes) -> None:
            try:
                feed.write(image)
            except BrokenPipeError as exc:
                process.wait()
                raise failure() from exc

        try:
            yield write
        except BaseException:
            process.kill()
            process.wait()
            raise
        with contextlib.suppress(BrokenPipeError):
            feed.close()
        if process.wait() != 0:
            raise failure()


def video(
    path: Path,
    data: AppData,
    *,
    first: str | None = None,
    last: str | None = None,
    lang: Lang = DEFAULT_LANG,
    preset: str = DEFAULT_PRESET,
    renderer: ImageRenderer | None = None,
    stream: TextIO | None = None,
) -> int:
    """Write the time-lapse video of the months from `first` to `last` to `path` (.mp4 or .gif).
    Returns the exit code: 0, 1 when it could not be made, 2 when it was asked wrongly. Progress
    goes to `stream` (standard error by default)."""
    stream = stream or sys.stderr
    fmt = path.suffix.lower().removeprefix(".")
    if fmt not in FORMATS:
        print(t("video.format", lang, name=path.name), file=sys.stderr)
        return 2
    try:
        months = month_range(data.calendar(), first, last, lang)
    except VideoError as exc:
        print(exc, file=sys.stderr)
        return 2
    size = PRESETS[preset]
    address = configured_address()
    renderer = renderer or ImageRenderer(cache_size=1)
    if not renderer.available():
        print(t("video.no_browser", lang), file=sys.stderr)
        return 1
    plan = list(shots(data.dataset.story, months, lang))
    total = sum(shot.frames for shot in plan)
    try:
        with replacing(path) as (descriptor, temporary):
            # ffmpeg writes the temporary file by its name (created exclusively, empty); the
            # descriptor is not needed.

            os.close(descriptor)
            with encoding(encoder_command(ffmpeg_executable(), fmt, size, temporary)) as write:
                done = 0
                for shot in plan:
                    view = View(period=shot.period, lang=lang)
                    figure = frame_figure(
                        data, view, size, progress=shot.progress, caption=shot.caption, address=address
                    )
                    image = renderer.render_figure(figure, "png", size.width, size.height)
                    for _ in range(shot.frames):
                        write(image)
                    done += shot.frames
                    progress(done, total, f"{t('video.frames', lang)} · {shot.period.label(lang)}", stream)
    except (RenderUnavailable, RenderTimeout, ExportError, VideoError, OSError) as exc:
        print(t("video.stopped", lang, reason=exc), file=sys.stderr)
        return 1
    finally:
        renderer.close()
    megabytes = f"{path.stat().st_size / 1_000_000:.1f} MB"
    seconds = f"{total / FRAMES_PER_SECOND:g}"
    wrote = t(
        "video.wrote", lang, path=path, frames=total, months=len(months), seconds=seconds, size=megabytes
    )
    print(wrote, file=stream)
    return 0
