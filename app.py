"""Sahel Realignment Map: the Dash app factory and the command line.

python app.py [--host 127.0.0.1] [--port 8050] [--debug]   serve the app
python app.py check-data                                  validate data/ and exit 0 or 1
python app.py export DIR                                  a static site of every year and language
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from dash import Dash, html
from dash.development.base_component import Component

from callbacks import (
    country,
    embed,
    guard,
    headers,
    map_view,
    present,
    router,
    share,
    snapshot,
    table,
    timeline,
    url_state,
    year_controls,
    year_panel,
)
from callbacks.snapshot import TOPOJSON_DIR
from data.loader import DATA_DIR, DataErrors, load_dataset
from geodata.shapes import DEFAULT_PATH as SHAPES_PATH
from geodata.shapes import load_shapes
from layouts import static_site
from layouts.context import AppData
from layouts.embed import embed_page
from layouts.i18n import LANGS, t
from layouts.page import page, shell
from layouts.present import present_page
from layouts.render import ImageRenderer, RenderTimeout, RenderUnavailable, plotly_bundle
from layouts.snapshot import IMAGE_FORMATS, SnapshotRequest, snapshot_figure
from layouts.url_state import ViewState, parse_query

HERE = Path(__file__).resolve().parent


METHODOLOGY_PATH = HERE / "docs" / "methodology.md"


def load_methodology(path: Path = METHODOLOGY_PATH) -> dict[str, str]:
    """docs/methodology.md split into its English and French halves (level-2 headings)."""
    text = path.read_text(encoding="utf-8")
    english, _, french = text.partition("\n## Français\n")
    english = english.split("\n## English\n", 1)[-1]
    demote = lambda part: part.replace("\n### ", "\n## ")  # noqa: E731
    return {"en": "# Methodology\n" + demote(english), "fr": "# Méthodologie\n" + demote(french)}


def load_app_data(data_dir: Path = DATA_DIR, shapes_path: Path = SHAPES_PATH) -> AppData:
    """Load shapes and dataset; raises `DataErrors` with every problem if the data is invalid."""
    shapes = load_shapes(shapes_path)
    dataset = load_dataset(data_dir, geography=shapes)
    return AppData(dataset=dataset, shapes=shapes, methodology=load_methodology())


class SahelDash(Dash):
    """Dash without the dash_table bundle, which Dash adds to every page: no page here uses it."""

    def _generate_scripts_html(self) -> str:
        scripts = super()._generate_scripts_html()
        return "\n".join(line for line in scripts.split("\n") if "/dash_table/" not in line)


def id_skeleton(*layouts: Component) -> html.Div:
    """Each component with an id, bare: what callback validation needs, without the pages' weight.

    Dash sends the validation layout inside every page it serves; the pages themselves carry
    the map's shapes and the whole events table.
    """
    bare: dict[str, Component] = {}
    for layout in layouts:
        for component in layout._traverse():
            component_id = getattr(component, "id", None)
            if component_id is not None:
                key = json.dumps(component_id, sort_keys=True, default=str)
                bare.setdefault(key, type(component)(id=component_id))
    return html.Div(list(bare.values()))


def create_app(data: AppData | None = None) -> Dash:
    """Build the Dash app around already-loaded data (loaded from `data/` when not given)."""
    data = data or load_app_data()
    app = SahelDash(
        __name__,
        title=t("app.title", "en"),
        assets_folder=str(HERE / "assets"),
        compress=True,
        serve_locally=True,
        update_title=None,
    )
    # Stronger compression than flask-compress's defaults: the page's scripts are ~10% smaller on
    # the wire for a few milliseconds of server time.
    app.server.config.update(COMPRESS_ZSTD_LEVEL=9, COMPRESS_BR_LEVEL=6)
    app.layout = shell()
    default_view = parse_query({}, data.years())
    topojson_url = app.get_asset_url("topojson/")
    # Every id a callback names, so Dash can check them without suppressing callback errors.
    app.validation_layout = id_skeleton(
        shell(),
        page(data, default_view, topojson_url),
        embed_page(data, default_view, True, topojson_url),
        present_page(data, 1, "en", topojson_url, []),
    )
    features = (
        guard,
        router,
        url_state,
        year_controls,
        country,
        map_view,
        year_panel,
        timeline,
        table,
        share,
        embed,
        snapshot,
        present,
        headers,  # last: the security policy hashes the inline scripts registered before it
    )
    for feature in features:
        feature.register(app, data)
    return app


def check_data(data_dir: Path = DATA_DIR) -> int:
    try:
        data = load_app_data(data_dir)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} error(s) in {data_dir}", file=sys.stderr)
        return 1
    dataset = data.dataset
    print(
        f"ok: {len(dataset.events)} events, {len(dataset.partnerships)} partnerships, "
        f"{len(dataset.bases)} bases, {len(dataset.sources)} sources, {len(dataset.story)} story steps"
    )
    return 0


def _write(path: Path, content: str | bytes) -> None:
    """Write through a temporary file, so a second run (or an interrupted one) never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    if isinstance(content, str):
        temporary.write_text(content, encoding="utf-8")
    else:
        temporary.write_bytes(content)
    os.replace(temporary, path)


def _progress(done: int, total: int, label: str, stream: TextIO) -> None:
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
    """Write the static site: per year and language an interactive page, a PNG and an SVG."""
    renderer = renderer or ImageRenderer(TOPOJSON_DIR, plotly_js=plotly_bundle())
    if not renderer.available():
        print(t("snapshot.no_browser", "en"), file=sys.stderr)
        return 1
    _write(out_dir / static_site.PLOTLY_JS, plotly_bundle().read_bytes())
    topojson = (TOPOJSON_DIR / f"{static_site.TOPOJSON_NAME}.json").read_text(encoding="utf-8")
    _write(out_dir / static_site.TOPOJSON_JS, static_site.topojson_script(topojson))
    views = [ViewState(year=year, lang=lang) for lang in LANGS for year in data.years()]
    try:
        for done, view in enumerate(views, start=1):
            base = out_dir / view.lang / str(view.year)
            _write(base.with_suffix(".html"), static_site.year_page(data, view))
            for fmt in IMAGE_FORMATS:
                request = SnapshotRequest(view=view, fmt=fmt)
                image = renderer.render(
                    request.key(),
                    lambda view=view: snapshot_figure(data, view),
                    fmt,
                    request.width,
                    request.height,
                    2 if fmt == "png" else 1,
                )
                _write(base.with_suffix("." + fmt), image)
            _progress(done, len(views), f"{view.lang} {view.year}", stream)
    except (RenderUnavailable, RenderTimeout) as exc:
        print(f"\nexport stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        renderer.close()
    _write(out_dir / "index.html", static_site.index_page(data))
    print(f"wrote {len(views) * 3 + 3} files to {out_dir}", file=stream)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description="Sahel Realignment Map")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "check-data", "export"])
    parser.add_argument(
        "out_dir", nargs="?", type=Path, help="export: the folder to write the static site to"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    if args.command == "check-data":
        return check_data(args.data)
    if args.command == "export" and args.out_dir is None:
        parser.error("export needs a folder: python app.py export DIR")
    try:
        data = load_app_data(args.data)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        what = "nothing was exported" if args.command == "export" else "the app was not started"
        print(f"The data in {args.data} is invalid; {what}.", file=sys.stderr)
        return 1
    if args.command == "export":
        return export(args.out_dir, data)
    app = create_app(data)
    app.run(
        host=args.host,
        port=args.port,
        debug=args.debug,
        dev_tools_disable_version_check=True,
    )
    return 0


def __getattr__(name: str) -> object:
    """`app.server` for WSGI servers (`gunicorn app:server`), built on first use, not at import."""
    if name == "server":
        return create_app().server
    raise AttributeError(name)


if __name__ == "__main__":
    raise SystemExit(main())
