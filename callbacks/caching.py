"""The one rule for responses a browser or a CDN may keep: an `ETag` tied to the data release (and to
what the request asked for), `Cache-Control`, and a 304 with no body when the request already holds
the tag, decided before the body is made (an image is then never drawn).

Compression adds the encoding to a strong tag (`"tag:gzip"`, flask-compress): a request that holds
the compressed copy's tag holds this tag too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from flask import Response, request

from data.context import AppData


def release_etag(data: AppData, *key: object) -> str:
    """The data release's tag, or, with a `key` (the request as read, normalised), a tag of both."""
    if not key:
        return data.release_tag
    return hashlib.sha256(repr((data.release_tag, key)).encode("utf-8")).hexdigest()[:20]


def unchanged(etag: str) -> bool:
    """Does the request already hold the response tagged `etag` (`If-None-Match`)?"""
    if request.method not in ("GET", "HEAD"):
        return False
    held = request.if_none_match
    if held.contains_weak(etag):
        return True
    return any(tag.startswith(etag + ":") for tag in held.as_set(include_weak=True))


def conditional(response: Response, etag: str, cache_control: str) -> Response:
    """Tag a response; when the request holds the tag already, it becomes a 304 with no body."""
    response.set_etag(etag)
    response.headers["Cache-Control"] = cache_control
    if unchanged(etag):
        response.status_code = 304
        response.set_data(b"")
    return response


def cached(etag: str, cache_control: str, build: Callable[[], Response]) -> Response:
    """A 304 when the request holds `etag`, else the response `build` makes, tagged when it is a 200
    (an error is never kept)."""
    response = Response(status=304) if unchanged(etag) else build()
    if response.status_code not in (200, 304):
        return response
    return conditional(response, etag, cache_control)
