"""The briefing's handout: one PDF with a title page, a page with the colour rule in plain words, and
one page per step of the story (`data/story.csv`) with its map, date, caption, what-changed line and
sources.

Each step's map is the `wide` preset picture of that step's day with its country outlined
(`layouts.picture.preset_figure`, the same picture as `/snapshot/…?preset=wide`), drawn as PNG at
`PNG_SCALE`. The pages are written as HTML (the text stays text, shaped by the browser) and printed
to PDF by the system's Chromium (`--print-to-pdf`), on A4 or US Letter; the PDF replaces its target
in one step (`publish.export.replacing`).

`python app.py handout FILE.pdf [--lang fr] [--paper letter]` writes one; the server offers it at
`/present/handout.pdf` (`callbacks.handout`).
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Protocol, TextIO

import plotly.graph_objects as go

from data.context import AppData
from data.describe import review_notice_on, source_labels
from data.i18n import Lang, format_date, t
from data.period import Period
from data.present import what_changed
from data.presets import PAPERS, PNG_SCALE, PRESETS
from data.schema import StoryStep
from data.state import Alignment
from data.view import View
from layouts import theme
from layouts.picture import preset_figure
from publish.address import configured_address
from publish.chromium import PLAYWRIGHT_ARGS, find_browser
from publish.export import ExportError, progress, replacing
from publish.render import ImageRenderer, RenderTimeout, RenderUnavailable

HANDOUT_PRESET = "wide"  # a landscape map across a portrait page leaves room for the words under it
PRINT_TIMEOUT_S = 120.0
FIXED_PAGES = 2  # the title page and the colour rule's, before one page per step


class HandoutError(RuntimeError):
    """The handout could not be made (a message for the command line or the server's log)."""


class Renderer(Protocol):
    """`publish.render.ImageRenderer` or the server's `publish.render_service.RenderClient`."""

    def available(self) -> bool: ...

    def render(
        self,
        key: Hashable,
        figure: Callable[[], go.Figure],
        fmt: str,
        width: int,
        height: int,
        scale: float = 1.0,
    ) -> bytes: ...


def page_count(data: AppData) -> int:
    """The handout's pages: the title page, the colour rule's, and one per step."""
    return FIXED_PAGES + len(data.dataset.story)


def step_view(step: StoryStep, lang: Lang) -> View:
    """The view a step's map shows: its day, its country outlined (as on the briefing's wall)."""
    return View(period=Period.of_day(step.date), lang=lang, country=step.country)


def step_picture(data: AppData, step: StoryStep, lang: Lang, renderer: Renderer, address: str) -> bytes:
    """A step's map as PNG, the preset picture of its view."""
    view = step_view(step, lang)
    preset = PRESETS[HANDOUT_PRESET]
    figure, composition = preset_figure(data, view, preset, address)
    key = (data.release_tag, "handout", lang, step.date, step.country, HANDOUT_PRESET, address)
    return renderer.render(key, lambda: figure, "png", composition.width, composition.height, PNG_SCALE)


def rule_section(data: AppData, lang: Lang) -> tuple[str, str]:
    """The methodology's section that states the colour rule (its heading and its Markdown), as
    `docs/methodology.md` writes it in `lang`: the section whose text is a numbered list."""
    text = data.methodology.get(lang, "")
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = section.partition("\n")
        if re.search(r"^1\. ", body, flags=re.MULTILINE):
            return heading.strip(), body.strip()
    return t("handout.rule", lang), ""


def _inline(text: str) -> str:
    """Markdown's inline marks the methodology uses (**bold**, `code`), over escaped text."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", escaped)


def markdown_html(markdown: str) -> str:
    """The few block forms of the methodology's sections as HTML: paragraphs and a numbered list
    (each of the rule's items led by the colour it gives)."""
    blocks: list[str] = []
    items: list[str] = []
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(f"<p>{_inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def close_list() -> None:
        if items:
            colours = [theme.ALIGNMENT_COLOURS[a] for a in Alignment] if len(items) == len(Alignment) else []
            rows = [
                (f'<span class="swatch" style="background:{colours[i]}"></span>' if colours else "")
                + _inline(item)
                for i, item in enumerate(items)
            ]
            blocks.append("<ol>" + "".join(f"<li>{row}</li>" for row in rows) + "</ol>")
            items.clear()

    for line in markdown.splitlines():
        if match := re.match(r"\d+\.\s+(.*)", line):
            close_paragraph()
            items.append(match.group(1))
        elif not line.strip():
            close_paragraph()
            close_list()
        elif items and line.startswith(" "):
            items[-1] += " " + line.strip()
        else:
            close_list()
            paragraph.append(line.strip())
    close_paragraph()
    close_list()
    return "\n".join(blocks)


STYLE = """
@page { size: %(size)s; margin: 15mm 16mm 16mm; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: %(text)s; }
body { margin: 0; font-size: 10.5pt; line-height: 1.38; }
section { break-after: page; }
section:last-child { break-after: auto; }
h1 { font-size: 26pt; line-height: 1.15; margin: 60mm 0 4mm; }
h2 { font-size: 15pt; margin: 0 0 4mm; }
.kind { font-size: 16pt; margin: 0 0 14mm; color: %(muted)s; }
.facts { font-size: 12pt; margin: 0; }
.facts p { margin: 0 0 2mm; }
.progress { font-size: 9pt; color: %(muted)s; margin: 0 0 1mm; }
.date { font-size: 14pt; font-weight: bold; margin: 0 0 3mm; }
img { display: block; width: 100%%; height: auto; border: 0.2mm solid %(line)s; }
.caption { font-size: 14pt; font-weight: bold; line-height: 1.3; margin: 5mm 0 2mm; }
.changed { margin: 0 0 2mm; }
.review { color: %(muted)s; margin: 0 0 2mm; }
.sources { font-size: 9pt; margin: 4mm 0 0; padding: 0; list-style: none; }
.sources li { margin: 0 0 1.5mm; }
.sources h3 { font-size: 9pt; margin: 0 0 1mm; }
a { color: %(accent)s; overflow-wrap: anywhere; }
ol { padding-left: 0; list-style: none; counter-reset: rule; }
ol li { counter-increment: rule; margin: 0 0 3mm; padding-left: 12mm; position: relative; }
ol li::before { content: counter(rule) "."; position: absolute; left: 6.5mm; }
.swatch { position: absolute; left: 0; top: 0.6mm; width: 4.5mm; height: 4.5mm;
  border: 0.2mm solid %(strong)s; }
code { font-size: 95%%; }
.foot { font-size: 9pt; color: %(muted)s; margin-top: 12mm; }
"""


def _title_page(data: AppData, lang: Lang, address: str) -> str:
    facts = [
        t("handout.reviewed", lang, date=format_date(data.reviewed_up_to(), lang)),
        t("handout.steps", lang, count=len(data.dataset.story)),
    ]
    if address:
        facts.append(address)
    paragraphs = "".join(f"<p>{html.escape(fact)}</p>" for fact in facts)
    return (
        f"<section class='title'><h1>{html.escape(t('app.title', lang))}</h1>"
        f"<p class='kind'>{html.escape(t('handout.kind', lang))}</p>"
        f"<div class='facts'>{paragraphs}</div></section>"
    )


def _rule_page(data: AppData, lang: Lang) -> str:
    heading, body = rule_section(data, lang)
    return (
        f"<section class='rule'><h2>{html.escape(heading)}</h2>{markdown_html(body)}"
        f"<p class='foot'>{html.escape(t('handout.rule_source', lang))}</p></section>"
    )


def _step_page(data: AppData, index: int, lang: Lang, image: str) -> str:
    story = data.dataset.story
    step = story[index]
    caption = getattr(step, f"caption_{lang}")
    date = format_date(step.date, lang)
    progress_text = t("present.progress", lang, step=index + 1, count=len(story))
    parts = [
        f"<p class='progress'>{html.escape(progress_text)}</p>",
        f"<p class='date'>{html.escape(date)}</p>",
        f"<img src='{image}' alt='{html.escape(caption, quote=True)}'>",
        f"<p class='caption'>{html.escape(caption)}</p>",
        f"<p class='changed'>{html.escape(what_changed(data, index, lang))}</p>",
    ]
    if review := review_notice_on(data, step.date, lang):
        parts.append(f"<p class='review'>{html.escape(review)}</p>")
    rows = []
    for label in source_labels(data, step.source_ids, lang):
        named = label.text + (f" ({label.detail})" if label.detail else "")
        url = html.escape(label.url, quote=True)
        rows.append(
            f"<li>{html.escape(named)} — {html.escape(label.title)}<br>"
            f"<a href='{url}'>{html.escape(label.url)}</a></li>"
        )
    parts.append(
        f"<ul class='sources'><li><h3>{html.escape(t('present.sources', lang))}</h3></li>{''.join(rows)}</ul>"
    )
    return "<section class='step'>" + "".join(parts) + "</section>"


def handout_html(data: AppData, lang: Lang, paper: str, images: list[str], address: str = "") -> str:
    """The handout as one HTML page for print: `images` are the steps' maps (addresses or data URIs)."""
    style = STYLE % {
        "size": PAPERS[paper],
        "text": theme.TEXT_COLOUR,
        "muted": theme.MUTED_TEXT,
        "line": theme.LINE,
        "accent": theme.ACCENT,
        "strong": theme.STRONG,
    }
    title = f"{t('app.title', lang)} — {t('handout.kind', lang)}"
    pages = [_title_page(data, lang, address), _rule_page(data, lang)]
    pages += [_step_page(data, i, lang, image) for i, image in enumerate(images)]
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><style>{style}</style></head><body>"
        + "\n".join(pages)
        + "</body></html>"
    )


def print_pdf(page: Path, target: Path, browser: str, timeout_s: float = PRINT_TIMEOUT_S) -> None:
    """Print an HTML file to PDF with headless Chromium (its own profile, no header or footer)."""
    with tempfile.TemporaryDirectory(prefix="sahel-print-") as profile:
        command = [
            browser,
            *PLAYWRIGHT_ARGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise HandoutError(f"Chromium did not print the handout within {timeout_s:g} s") from exc
        except OSError as exc:
            raise HandoutError(f"Chromium could not be started: {exc}") from exc
    if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no PDF written"]
        raise HandoutError(f"Chromium could not print the handout: {reason[0]}")


def make_handout(
    path: Path,
    data: AppData,
    lang: Lang,
    paper: str,
    renderer: Renderer,
    address: str = "",
    stream: TextIO | None = None,
) -> None:
    """Write the handout to `path` (replaced in one step). Raises `HandoutError`, `ExportError`,
    `RenderUnavailable` or `RenderTimeout` when it cannot be made; nothing is written then."""
    browser = find_browser()
    if browser is None:
        raise RenderUnavailable("no Chromium found")
    story = data.dataset.story
    with tempfile.TemporaryDirectory(prefix="sahel-handout-") as folder:
        names = []
        for index, step in enumerate(story):
            name = f"step-{index + 1:03d}.png"
            (Path(folder) / name).write_bytes(step_picture(data, step, lang, renderer, address))
            names.append(name)
            if stream is not None:
                progress(index + 1, len(story), f"{lang} {step.date.isoformat()} {step.country}", stream)
        page = Path(folder) / "handout.html"
        page.write_text(handout_html(data, lang, paper, names, address), encoding="utf-8")
        with replacing(path) as (descriptor, temporary):
            os.close(descriptor)  # Chromium writes the temporary file by its name
            print_pdf(page, temporary, browser)
            os.chmod(temporary, 0o644)


def handout(
    path: Path,
    data: AppData,
    *,
    lang: Lang,
    paper: str,
    renderer: Renderer | None = None,
    stream: TextIO | None = None,
) -> int:
    """`python app.py handout FILE.pdf`: 0 when written, 1 when it could not be made, 2 when asked
    wrongly (one line on standard error)."""
    stream = stream or sys.stderr
    if paper not in PAPERS:
        print(t("handout.bad_paper", lang, value=paper, papers=", ".join(PAPERS)), file=sys.stderr)
        return 2
    if path.suffix.lower() != ".pdf":
        print(t("handout.format", lang, name=path.name), file=sys.stderr)
        return 2
    if path.is_dir():
        print(t("handout.is_folder", lang, name=path), file=sys.stderr)
        return 2
    own = ImageRenderer(cache_size=1) if renderer is None else None
    renderer = renderer or own
    assert renderer is not None
    if not renderer.available():
        print(t("handout.no_browser", lang), file=sys.stderr)
        return 1
    try:
        make_handout(path, data, lang, paper, renderer, configured_address(), stream)
    except (HandoutError, ExportError, RenderUnavailable, RenderTimeout, OSError) as exc:
        print(t("handout.stopped", lang, reason=exc), file=sys.stderr)
        return 1
    finally:
        if own is not None:
            own.close()
    size = f"{path.stat().st_size / 1_000_000:.1f} MB"
    print(t("handout.wrote", lang, path=path, pages=page_count(data), size=size), file=stream)
    return 0
