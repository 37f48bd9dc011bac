"""Response headers: a Content-Security-Policy, who may frame which page, no content-type guessing.

Registered last: the policy lists the hashes of Dash's inline scripts (the renderer and the
clientside callbacks written inline), which are only known once every callback is registered.
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
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        return response
