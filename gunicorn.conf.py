"""gunicorn's settings for this app (`make serve`; gunicorn also reads this file by itself when
started from this folder).

gunicorn answers some requests itself, before the app sees them (a request line over its limit:
414; a malformed request: 400), with a bare HTML page, and names itself in a `Server` header on
every answer. Neither has a setting, so both are replaced here, in the master before the workers
start: its own answers are one line of plain text with the site's header policy
(`callbacks.headers.ERROR_HEADERS`), and no answer carries a `Server` header.
"""

from __future__ import annotations

import os
import socket
import threading

from flask import Flask
from gunicorn import util
from gunicorn.http import wsgi
from gunicorn.workers.base import Worker

from callbacks.headers import ERROR_HEADERS
from callbacks.snapshot import RENDER_AHEAD
from publish.render_service import OWNER_ENV, runtime_dir

timeout = 60  # seconds a worker may take on one request
# Threads, so that a request waiting for the image renderer holds one thread, not a whole worker.
worker_class = "gthread"
threads = 4
limit_request_line = 8190  # gunicorn's default, stated: a longer request line gets 414


def write_error(sock: socket.socket, status_int: int, reason: str, mesg: str) -> None:
    body = f"{status_int} {reason}\n".encode("latin-1", "replace")
    head = [
        f"HTTP/1.1 {status_int} {reason}",
        "Connection: close",
        "Content-Type: text/plain; charset=utf-8",
        f"Content-Length: {len(body)}",
        *(f"{name}: {value}" for name, value in ERROR_HEADERS.items()),
    ]
    util.write_nonblock(sock, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


_default_headers = wsgi.Response.default_headers


def default_headers(self: wsgi.Response) -> list[str]:
    return [line for line in _default_headers(self) if not line.lower().startswith("server:")]


util.write_error = write_error
wsgi.Response.default_headers = default_headers


# The renderer's folder is named after this server (the master), so every worker finds the same one.
os.environ.setdefault(OWNER_ENV, str(os.getpid()))


def post_worker_init(worker: Worker) -> None:
    """One worker renders the default views ahead (each year's and the month under way's PNG in each
    language, at the size the share dialog links), so the first readers find them in the cache.
    `SAHEL_RENDER_AHEAD=0` turns this off."""
    if os.environ.get("SAHEL_RENDER_AHEAD") == "0":
        return
    lock = runtime_dir() / "render-ahead.lock"
    lock.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another worker of this server does it
    os.close(descriptor)
    threading.Thread(target=render_ahead, args=(worker.wsgi,), name="render-ahead", daemon=True).start()


def render_ahead(wsgi: Flask) -> None:
    client = wsgi.test_client()
    for path in wsgi.config[RENDER_AHEAD]:
        client.get(path)
