"""The command line (`python app.py …` runs this):

python app.py [--host 127.0.0.1] [--port 8050] [--data DIR] [--debug]   serve the app
python app.py check-data [--data DIR]                                  validate the data, exit 0 or 1
python app.py export DIR [--data DIR]                                  a static copy, no server needed
python app.py diff-data OLD_DIR NEW_DIR                                rows added, removed and changed
python app.py video FILE.mp4|FILE.gif [--from YYYY-MM] [--to YYYY-MM] [--lang en|fr]
                    [--preset wide|square|story]               the map month by month as a video
python app.py handout FILE.pdf [--lang en|fr] [--paper a4|letter]       the briefing's handout
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler

from data.context import load_app_data
from data.i18n import DEFAULT_LANG, LANGS
from data.loader import DATA_DIR, DataErrors
from data.presets import DEFAULT_PAPER, DEFAULT_PRESET, VIDEO_PRESETS


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="app.py", description="Sahel Realignment Map")
    commands = ["serve", "check-data", "export", "diff-data", "video", "handout"]
    parser.add_argument("command", nargs="?", default="serve", choices=commands)
    parser.add_argument(
        "folders",
        nargs="*",
        type=Path,
        help="export: the folder to write to; diff-data: OLD_DIR NEW_DIR; video, handout: the file to write",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the data folder (default: data/)")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM", help="video: the first month")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM", help="video: the last month")
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help="video, handout: the language")
    parser.add_argument("--preset", choices=VIDEO_PRESETS, default=DEFAULT_PRESET, help="video: the size")
    parser.add_argument("--paper", default=DEFAULT_PAPER, help="handout: a4 (the default) or letter")
    args = parser.parse_args(argv)
    if args.command == "check-data":
        return check_data(args.data)
    if args.command == "diff-data":
        if len(args.folders) != 2 or not all(folder.is_dir() for folder in args.folders):
            parser.error("diff-data needs two data folders: python app.py diff-data OLD_DIR NEW_DIR")
        from data.diff import diff_data, diff_text

        print(diff_text(diff_data(*args.folders)), end="")
        return 0
    if args.command == "export" and len(args.folders) != 1:
        parser.error("export needs a folder: python app.py export DIR")
    if args.command == "video" and len(args.folders) != 1:
        parser.error("video needs a file: python app.py video FILE.mp4|FILE.gif")
    if args.command == "handout" and len(args.folders) != 1:
        parser.error("handout needs a file: python app.py handout FILE.pdf")
    try:
        data = load_app_data(args.data)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        what = {
            "export": "nothing was exported",
            "video": "no video was made",
            "handout": "no handout was made",
        }.get(args.command, "the app was not started")
        print(f"The data in {args.data} is invalid; {what}.", file=sys.stderr)
        return 1
    if args.command == "export":
        from publish.export import export  # kaleido and the static site only when exporting

        return export(args.folders[0], data)
    if args.command == "video":
        from publish.video import video  # kaleido and ffmpeg only when making a video

        return video(
            args.folders[0], data, first=args.first, last=args.last, lang=args.lang, preset=args.preset
        )
    if args.command == "handout":
        from publish.handout import handout  # kaleido and Chromium only when making a handout

        return handout(args.folders[0], data, lang=args.lang, paper=args.paper)
    from app import create_app

    app = create_app(data)
    app.run(
        host=args.host,
        port=args.port,
        debug=args.debug,
        dev_tools_disable_version_check=True,
        request_handler=UnnamedHandler,
    )
    return 0


class UnnamedHandler(WSGIRequestHandler):
    """The development server's requests, answered without a `Server` header naming its software."""

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() != "server":
            super().send_header(keyword, value)


if __name__ == "__main__":
    raise SystemExit(main())
