"""Response headers: a Content-Security-Policy, who may frame which page, no content-type guessing.

Registered last: the policy lists the hashes of Dash's inline scripts (the renderer and the
clientside callbacks written inline), which are only known once every callback is registered.
The WSGI server's own answers (a request line too long, a malformed header: gunicorn answers them
before the app sees them) carry `ERROR_HEADERS`, set by `gunicorn.conf.py`, and no server name.
"""

from __future__ import annotations

from dash import Dash
from flask import Response, request

from callbacks.pages import framable
from data.context import AppData


def content_security_policy(script_hashes: list[str], frame_ancestors: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        # plotly.js and Dash components set styles inline; no script can come in through them.
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",  # the browser-side PNG and SVG downloads
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
# A page with no script, no style and no frame: the WSGI server's own error answers.
ERROR_HEADERS = {
    **COMMON_HEADERS,
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def register(app: Dash, data: AppData) -> None:
    hashes = list(app.csp_hashes())
    framed_anywhere = content_security_policy(hashes, "*")
    own_site_only = content_security_policy(hashes, "'self'")

    @app.server.after_request
    def add_headers(response: Response) -> Response:
        if framable(request.path):
            response.headers["Content-Security-Policy"] = framed_anywhere
        else:
            response.headers["Content-Security-Policy"] = own_site_only
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers.update(COMMON_HEADERS)
        return response
