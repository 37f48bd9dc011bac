"""`python app.py export DIR`: the static site, which opens from disk with no network: in each
language a page that steps through every month (`publish.static_site`), each year's picture in every
preset (`data.presets`), and the pages at the addresses of earlier exports, which open it at their
month.

Writes go through temporary files, so running it twice (or after an interruption) never leaves half
a file.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from data.context import AppData
from data.i18n import LANGS, t
from data.presets import PNG_SCALE, PRESETS
from data.view import View
from layouts.picture import preset_figure
from publish import static_site
from publish.address import configured_address
from publish.render import (
    ASSETS_DIR,
    TOPOJSON_DIR,
    ImageRenderer,
    RenderTimeout,
    RenderUnavailable,
    plotly_bundle,
)

FILE_MODE = 0o644  # readable by the web server that serves the folder (a temporary file is 0o600)


class ExportError(RuntimeError):
    """The export cannot write where it was asked to (a file in the way, no permission)."""


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[tuple[int, Path]]:
    """A temporary file beside `path` (its open descriptor and its path) that replaces `path` in one
    step when the block ends without error, and is removed when it does not.

    The temporary file gets a name no one can guess and is created exclusively (it never opens a
    file or a link already there), so a second run (or an interrupted one) never leaves half a file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except (FileExistsError, NotADirectoryError) as exc:
        raise ExportError(
            f"{exc.filename or path.parent} is a file, not a folder: nothing was exported"
        ) from exc
    except OSError as exc:
        raise ExportError(f"cannot write in {path.parent}: {exc.strerror}") from exc
    try:
        yield descriptor, Path(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_file(path: Path, content: str | bytes) -> None:
    """Write through a temporary file (`replacing`)."""
    with replacing(path) as (descriptor, _), os.fdopen(descriptor, "wb") as out:
        out.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.fchmod(descriptor, FILE_MODE)


def progress(done: int, total: int, label: str, stream: TextIO) -> None:
    width = 30
    filled = width * done // total
    line = f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label}"
    if stream.isatty():
        stream.write("\r" + line.ljust(70) + ("\n" if done == total else ""))
    else:
        stream.write(line + "\n")
    stream.flush()


def export(
    out_dir: Path,
    data: AppData,
    renderer: ImageRenderer | None = None,
    stream: TextIO = sys.stderr,
) -> int:
    """Write the static site: per language the month page, a PNG of each year in each preset, and
    the pages at the addresses of earlier exports; the index; plotly.js, the topojson and the scripts."""
    if out_dir.exists() and not out_dir.is_dir():
        print(f"{out_dir} is a file, not a folder: nothing was exported", file=sys.stderr)
        return 2
    renderer = renderer or ImageRenderer()
    if not renderer.available():
        print(t("snapshot.no_browser", "en"), file=sys.stderr)
        return 1
    address = configured_address()
    written = 0
    try:
        write_file(out_dir / static_site.PLOTLY_JS, plotly_bundle().read_bytes())
        for script in (
            static_site.EMBED_JS,
            static_site.LABELS_JS,
            static_site.MAP_JS,
            static_site.STATIC_JS,
        ):
            write_file(out_dir / script, (ASSETS_DIR / Path(script).name).read_bytes())
        topojson = (TOPOJSON_DIR / f"{static_site.TOPOJSON_NAME}.json").read_text(encoding="utf-8")
        write_file(out_dir / static_site.TOPOJSON_JS, static_site.topojson_script(topojson))
        written += 6
        for lang in LANGS:
            write_file(out_dir / static_site.months_path(lang), static_site.months_page(data, lang))
            for period in static_site.exported_periods(data):
                view = View(period=period, lang=lang)
                write_file(
                    out_dir / static_site.static_path(lang, period, "html"),
                    static_site.period_page(data, view),
                )
                written += 1
            written += 1
        pictures = [
            (View(period=period, lang=lang), name)
            for lang in LANGS
            for period in static_site.picture_periods(data)
            for name in PRESETS
        ]
        for done, (view, name) in enumerate(pictures, start=1):
            figure, composition = preset_figure(data, view, PRESETS[name], address)
            image = renderer.render_figure(figure, "png", composition.width, composition.height, PNG_SCALE)
            write_file(out_dir / static_site.picture_path(view.lang, view.period, name), image)
            progress(done, len(pictures), f"{view.lang} {view.period.label(view.lang)} {name}", stream)
        written += len(pictures)
    except (RenderUnavailable, RenderTimeout, ExportError) as exc:
        print(f"\nexport stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        renderer.close()
    write_file(out_dir / "index.html", static_site.index_page(data))
    print(f"wrote {written + 1} files to {out_dir}", file=stream)
    return 0
