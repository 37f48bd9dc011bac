"""oEmbed (https://oembed.com): the `rich` answer for the address of any view of this site.

A consumer (a blog, a CMS, a chat app) sends the address a reader pasted; the answer is a frame of
the same view's embed (`/embed?…`, its period pinned), its title with the date in the view's
language, and a thumbnail from the server's snapshots. Reading never raises: an address that is
not on this site gives None, a bad size a `Notice` (an HTTP 400 line).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from data.compare import compare_title
from data.context import AppData
from data.i18n import format_date, t
from data.present import PresentState, moment
from data.view import (
    COMPARE_HEIGHT,
    HEIGHT,
    PRESENT_PATH,
    SIZE_STEP,
    WIDTH,
    Notice,
    View,
    echo,
    embed_url,
    parse_query,
    query_args,
    read_int,
    snapshot_url,
)

FRAME = (640, 480)  # the frame's width and height when the consumer sets no bounds
MAX_FRAME = (WIDTH[1], HEIGHT[1])  # a frame is never larger than the largest snapshot
THUMBNAIL_WIDTH = 640  # px, at most
CACHE_AGE = 3600  # seconds a consumer may keep the answer: an hour, like the snapshots
SIZE_KEYS = ("maxwidth", "maxheight")


@dataclass(frozen=True)
class Address:
    """An address on this site: its path (no trailing slash) and its query's first values."""

    path: str
    args: Mapping[str, str]


def site_address(url: str, host_url: str) -> Address | None:
    """The address `url` names on the site at `host_url` (`http://host/`), or None when it is not an
    absolute http(s) address on that host."""
    try:
        parts, site = urlsplit(url.strip()), urlsplit(host_url)
    except ValueError:  # a malformed host (`http://[x`)
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() != site.netloc.lower():
        return None
    return Address(path=parts.path.rstrip("/") or "/", args=query_args(parts.query))


def address_view(data: AppData, address: Address, extras: Collection[str] = ()) -> View:
    """The view a page's address shows; the briefing shows its step's date, country and language."""
    story = data.dataset.story
    view = parse_query(address.args, data.calendar(), extras=extras, steps=len(story))
    if address.path == PRESENT_PATH and story:
        shown = moment(data, PresentState(step=view.step, lang=view.lang))
        view = View(period=shown.period, lang=view.lang, country=shown.country)
    return view.with_(notices=())


def view_title(data: AppData, view: View) -> str:
    """“Sahel Realignment Map — Situation on 31 August 2023 — Niger”, in the view's language."""
    lang = view.lang
    if view.compare is not None:
        shown = compare_title(data, view.period, view.compare, lang)
    else:
        shown = t("map.title", lang, date=format_date(data.as_of(view.period), lang))
    parts = [t("app.title", lang), shown]
    if view.country:
        parts.append(data.shapes.name(view.country, lang))
    return " — ".join(parts)


def read_sizes(args: Mapping[str, str]) -> tuple[int | None, int | None] | list[Notice]:
    """The consumer's `maxwidth` and `maxheight` (None when absent or empty), or every problem."""
    sizes: list[int | None] = []
    problems: list[Notice] = []
    for key in SIZE_KEYS:
        raw = (args.get(key) or "").strip()
        number = read_int(raw) if raw else None
        if raw and (number is None or number < 1):
            problems.append(Notice(key, "positive", (("value", echo(raw)),)))
        sizes.append(number)
    return problems or (sizes[0], sizes[1])


def frame_size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    """The frame: `FRAME`'s shape, as large as the bounds allow when there are any."""
    width, height = FRAME
    if maxwidth is None and maxheight is None:
        return width, height
    if maxheight is None or (maxwidth is not None and maxwidth * height <= maxheight * width):
        wide = min(maxwidth or width, MAX_FRAME[0])
        return wide, max(1, wide * height // width)
    high = min(maxheight, MAX_FRAME[1])
    return max(1, high * width // height), high


def thumbnail_size(view: View, maxwidth: int | None, maxheight: int | None) -> tuple[int, int] | None:
    """The thumbnail's size, on the snapshots' steps and within the bounds, in the shape of the
    view's snapshot; None when the bounds are smaller than the smallest snapshot."""

    def down(pixels: int) -> int:
        return pixels // SIZE_STEP * SIZE_STEP

    shape = (WIDTH[2], COMPARE_HEIGHT if view.compare is not None else HEIGHT[2])
    width = down(min(THUMBNAIL_WIDTH, maxwidth or THUMBNAIL_WIDTH))
    height = max(HEIGHT[0], down(width * shape[1] // shape[0]))
    if maxheight is not None:
        height = min(height, down(maxheight))
    if width < WIDTH[0] or height < HEIGHT[0]:
        return None
    return width, height


def oembed_answer(
    data: AppData, view: View, host_url: str, maxwidth: int | None = None, maxheight: int | None = None
) -> dict[str, object]:
    """The oEmbed `rich` answer for a view, its addresses absolute on the site at `host_url`."""
    site = host_url.rstrip("/")
    lang = view.lang
    title = view_title(data, view)
    width, height = frame_size(maxwidth, maxheight)
    src = site + embed_url(view, data.calendar())
    frame = (
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" title="{escape(title)}" '
        'style="border:0" loading="lazy"></iframe>'
    )
    answer: dict[str, object] = {
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": t("app.title", lang),
        "provider_url": site + "/",
        "cache_age": CACHE_AGE,
        "html": frame,
        "width": width,
        "height": height,
    }
    thumbnail = thumbnail_size(view, maxwidth, maxheight)
    if thumbnail is not None:
        answer["thumbnail_url"] = site + snapshot_url(view, "png", size=thumbnail)
        answer["thumbnail_width"], answer["thumbnail_height"] = thumbnail
    return answer


def answer_key(data: AppData, view: View, sizes: tuple[int | None, int | None]) -> tuple:
    """What makes two answers the same on one host (with the data release: its `ETag`)."""
    settings = (view.period, view.compare, view.lang, view.lens, view.country, view.bases, view.controls)
    return (*settings, *data.days_shown(view), *sizes)
