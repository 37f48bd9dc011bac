"""Sahel Realignment Map: the Dash app factory and the command line.

python app.py [--host 127.0.0.1] [--port 8050] [--debug]   serve the app
python app.py check-data                                  validate data/ and exit 0 or 1
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from dash import Dash, html

from callbacks import country, map_view, router, table, timeline, url_state, year_controls, year_panel
from data.loader import DATA_DIR, DataErrors, load_dataset
from geodata.shapes import DEFAULT_PATH as SHAPES_PATH
from geodata.shapes import load_shapes
from layouts.context import AppData
from layouts.i18n import t
from layouts.page import page, shell
from layouts.url_state import parse_query

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


def create_app(data: AppData | None = None) -> Dash:
    """Build the Dash app around already-loaded data (loaded from `data/` when not given)."""
    data = data or load_app_data()
    app = Dash(
        __name__,
        title=t("app.title", "en"),
        assets_folder=str(HERE / "assets"),
        compress=True,
        serve_locally=True,
        update_title=None,
    )
    app.layout = shell()
    # Every id a callback names, so Dash can check them without suppressing callback errors.
    app.validation_layout = html.Div(
        [
            shell(),
            page(data, parse_query({}, data.years()), app.get_asset_url("topojson/")),
        ]
    )
    for feature in (router, url_state, year_controls, country, map_view, year_panel, timeline, table):
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
        f"{len(dataset.bases)} bases, {len(dataset.sources)} sources"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description="Sahel Realignment Map")
    parser.add_argument("command", nargs="?", default="serve", choices=["serve", "check-data"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    args = parser.parse_args(argv)
    if args.command == "check-data":
        return check_data(args.data)
    try:
        app = create_app(load_app_data(args.data))
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        print("The data in data/ is invalid; the app was not started.", file=sys.stderr)
        return 1
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
