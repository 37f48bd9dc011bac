"""oEmbed: `/oembed?url=…` answers for any page of the site (`data.oembed`), every page names it in
its head (`discovery_link`), and the embed's page may be kept a short while by browsers and CDNs.

Errors as the specification says, each one line of text: a `format` other than json gets 501, an
address that is not a page of this site 404, a `maxwidth` or `maxheight` that is not a whole number
above 0 gets 400.
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape

from dash import Dash
from flask import Response, request

from callbacks.caching import cached, conditional, release_etag
from callbacks.pages import NOT_FOUND, find_page
from data.context import AppData
from data.i18n import Lang, t
from data.oembed import Address, address_view, answer_key, oembed_answer, read_sizes, site_address, view_title
from data.view import EMBED_PATH, OEMBED_PATH, lang_from_input, oembed_url

CACHE_CONTROL = "public, max-age=300"  # the embed's page and the oEmbed answers: five minutes
PAGE_TOKEN = re.compile(rb'"end_id":\s*"[^"]*"')  # Dash's per-page token in the page's config
JSON_TYPE = "application/json+oembed"  # the discovery link's type (the answer is application/json)


def _text(body: str, status: int) -> Response:
    return Response(body + "\n", status=status, mimetype="text/plain")


def _lang(address: Address | None) -> Lang:
    return lang_from_input(((address.args.get("lang") if address else "") or "").strip().lower())


def oembed_response(data: AppData, args: dict[str, str], host_url: str) -> Response:
    address = site_address(args.get("url") or "", host_url)
    lang = _lang(address)
    if (args.get("format") or "json").strip().lower() != "json":
        return _text(t("oembed.format", lang), 501)
    sizes = read_sizes(args)
    if isinstance(sizes, list):
        return _text(" ".join([t("oembed.bad_request", lang), "; ".join(p.error(lang) for p in sizes)]), 400)
    page = find_page(address.path) if address is not None else NOT_FOUND
    if address is None or page is NOT_FOUND:
        return _text(t("oembed.not_found", lang), 404)
    view = address_view(data, address, page.extras)

    def build() -> Response:
        answer = oembed_answer(data, view, host_url, *sizes)
        return Response(json.dumps(answer, ensure_ascii=False), mimetype="application/json")

    response = cached(release_etag(data, host_url, *answer_key(data, view, sizes)), CACHE_CONTROL, build)
    response.headers["Access-Control-Allow-Origin"] = "*"  # consumers may ask from a browser
    return response


def discovery_link(data: AppData) -> str:
    """The head's `<link rel="alternate">` naming the oEmbed answer for the page being served (none
    on the not-found page, which has no view)."""
    page = find_page(request.path)
    if page is NOT_FOUND:
        return ""
    args = {key: request.args.get(key, "") for key in request.args}
    address = Address(path=request.path.rstrip("/") or "/", args=args)
    title = view_title(data, address_view(data, address, page.extras))
    href = request.host_url.rstrip("/") + oembed_url(request.url)
    return f'<link rel="alternate" type="{JSON_TYPE}" href="{escape(href)}" title="{escape(title)}">'


def register(app: Dash, data: AppData) -> None:
    @app.server.route(OEMBED_PATH)
    def oembed() -> Response:
        args = {key: request.args.get(key, "") for key in request.args}
        return oembed_response(data, args, request.host_url)

    @app.server.after_request
    def keep_embed(response: Response) -> Response:
        # The embed's page is the same shell for an address until the site or its data change: its
        # tag is the release's and the page's own (which names the address in its oEmbed link), less
        # the token Dash writes into each page for background callbacks, which this site has none of.
        if find_page(request.path).path != EMBED_PATH or response.status_code != 200:
            return response
        page = hashlib.sha256(PAGE_TOKEN.sub(b"", response.get_data())).hexdigest()
        return conditional(response, release_etag(data, page), CACHE_CONTROL)
