"""One image renderer per server, shared by its workers, behind a bounded queue and a disk cache.

The renderer is a process of its own (`python -m publish.render_service DIR`): it holds the only
Chromium of the server (kaleido, `publish.render.ImageRenderer`), renders one image at a time at a
lower CPU priority than the pages and rests as long as it drew (images take at most half of one
core), and answers on a Unix socket in DIR. It stops when the server that started it is gone.

A worker asks through `RenderClient`, which has `ImageRenderer`'s `render(key, figure, …)`:
- the disk cache in DIR, shared by every worker, answers first (written atomically, pruned to
  `CACHE_FILES` images, oldest first);
- otherwise the request takes one of `QUEUE_SLOTS` places (lock files, so the bound holds across
  workers); when none frees up within `QUEUE_WAIT_S`, it gets `RenderBusy` (HTTP 503 with
  `Retry-After`) instead of waiting behind a flood;
- a renderer that is not running is started (the first request waits for it); one that dies during
  a request is started again at once and that request gets `RenderUnavailable` (HTTP 503).

DIR is per server: `SAHEL_RUNTIME_DIR` if set, else `sahel-map-UID/PID` in the temporary folder,
where PID is the server's (gunicorn's master, set by `gunicorn.conf.py`; otherwise the process that
builds the app).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any

import plotly.graph_objects as go

from publish.chromium import find_browser
from publish.render import ImageRenderer, RenderTimeout, RenderUnavailable

QUEUE_SLOTS = 3  # requests a server lets wait for the renderer (one rendering, the rest queued)
QUEUE_WAIT_S = 0.0  # a request that finds every place taken gets 503 at once (it would hold a thread)
RETRY_AFTER_S = 5
RENDER_TIMEOUT_S = 30.0
START_TIMEOUT_S = 60.0  # for the renderer process to listen (once its Chromium has started)
CACHE_FILES = 2000  # images kept on disk (a 1200 px PNG is about 100 kB)
OWNER_CHECK_S = 2.0
OWNER_ENV = "SAHEL_SERVER_PID"
DIR_ENV = "SAHEL_RUNTIME_DIR"
NICENESS = 10  # the pages before the pictures, which still get a share of a busy machine
DUTY_CYCLE = 0.5  # the share of its time the renderer spends drawing; it rests the rest
RECYCLE_AFTER = 20  # images, after which an idle browser is replaced by a fresh one
RECYCLE_IDLE_S = 5.0


class RenderBusy(RenderUnavailable):
    """Every place in the queue is taken (HTTP 503 with Retry-After)."""

    retry_after = RETRY_AFTER_S


def runtime_dir(owner: int | None = None) -> Path:
    """The folder of this server's renderer: its socket, key, queue places, log and image cache."""
    configured = os.environ.get(DIR_ENV)
    if configured:
        return Path(configured)
    owner = owner or int(os.environ.get(OWNER_ENV) or os.getpid())
    return Path(tempfile.gettempdir()) / f"sahel-map-{os.getuid()}" / str(owner)


class Paths:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "render.sock"
        self.key = root / "render.key"
        self.pid = root / "render.pid"
        self.log = root / "render.log"
        self.spawn_lock = root / "spawn.lock"
        self.cache = root / "cache"

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.cache.mkdir(exist_ok=True, mode=0o700)

    def slot(self, number: int) -> Path:
        return self.root / f"slot-{number}.lock"

    def authkey(self) -> bytes:
        """The secret a worker shows the renderer (a file only this user can read)."""
        try:
            return self.key.read_bytes()
        except FileNotFoundError:
            descriptor = os.open(self.key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as out:
                out.write(secrets.token_bytes(32))
            return self.key.read_bytes()


class DiskCache:
    """Images by key, shared by every worker: written to a temporary file and renamed into place."""

    def __init__(self, folder: Path, max_files: int = CACHE_FILES) -> None:
        self.folder = folder
        self.max_files = max_files

    def path(self, key: Hashable) -> Path:
        return self.folder / hashlib.sha256(repr(key).encode("utf-8")).hexdigest()

    def get(self, key: Hashable) -> bytes | None:
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: Hashable, image: bytes) -> None:
        descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=".", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as out:
            out.write(image)
        os.replace(temporary, self.path(key))
        self._prune()

    def _prune(self) -> None:
        files = [f for f in self.folder.iterdir() if not f.name.startswith(".")]
        if len(files) <= self.max_files:
            return
        files.sort(key=lambda f: f.stat().st_mtime)
        for stale in files[: len(files) - self.max_files]:
            stale.unlink(missing_ok=True)


@contextlib.contextmanager
def queue_place(paths: Paths, slots: int, wait_s: float) -> Iterator[None]:
    """Hold one of the server's queue places, or raise `RenderBusy` after `wait_s`."""
    deadline = time.monotonic() + wait_s
    while True:
        for number in range(slots):
            handle = paths.slot(number).open("a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() >= deadline:
            raise RenderBusy("the image queue is full")
        time.sleep(0.05)


class RenderClient:
    """A worker's way to the server's renderer, with `ImageRenderer`'s interface."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        slots: int = QUEUE_SLOTS,
        wait_s: float = QUEUE_WAIT_S,
        timeout_s: float = RENDER_TIMEOUT_S,
        browser: Callable[[], str | None] = find_browser,
    ) -> None:
        self._root = root
        self._slots, self._wait_s, self._timeout = slots, wait_s, timeout_s
        self._find_browser = browser

    @property
    def paths(self) -> Paths:
        # Resolved on use: with gunicorn's --preload the app is built in the master, before the
        # configuration has named the server.
        return Paths(self._root or runtime_dir())

    def available(self) -> bool:
        return self._find_browser() is not None

    def render(
        self,
        key: Hashable,
        figure: Callable[[], go.Figure],
        fmt: str,
        width: int,
        height: int,
        scale: float = 1.0,
    ) -> bytes:
        """The image for `key`: from the shared cache, else rendered by the server's renderer."""
        paths = self.paths
        cache = DiskCache(paths.cache)
        image = cache.get(key)
        if image is not None:
            return image
        if not self.available():
            raise RenderUnavailable("no Chromium found")
        paths.prepare()  # created by the first image, removed by the renderer with the server
        with queue_place(paths, self._slots, self._wait_s):
            image = cache.get(key)  # rendered by another worker while this one waited
            if image is None:
                job = {"figure": figure().to_plotly_json(), "fmt": fmt, "width": width, "height": height}
                image = self._ask(paths, {**job, "scale": scale})
                cache.put(key, image)
        return image

    def _ask(self, paths: Paths, job: dict[str, Any]) -> bytes:
        connection = self._connect(paths)
        try:
            connection.send(job)
            if not connection.poll(self._timeout):
                raise RenderTimeout("the image took too long")
            status, payload = connection.recv()
        except (EOFError, OSError) as exc:
            # The renderer died during this image: start another now, for the next request.
            restart(paths)
            raise RenderUnavailable("the renderer stopped; it is being restarted") from exc
        finally:
            connection.close()
        if status == "ok":
            return payload
        raise (RenderTimeout if status == "timeout" else RenderUnavailable)(payload)

    def _connect(self, paths: Paths) -> Connection:
        """A connection to the renderer, started first if it is not running (the first image waits
        for its browser to start). A renderer that hangs up during the greeting has died."""
        try:
            return Client(str(paths.socket), "AF_UNIX", authkey=paths.authkey())
        except (OSError, EOFError, AuthenticationError):
            pass
        start(paths)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                return Client(str(paths.socket), "AF_UNIX", authkey=paths.authkey())
            except (OSError, EOFError, AuthenticationError):
                if renderer_pid(paths) is None:
                    start(paths)  # it died while starting: once more
                time.sleep(0.1)
        raise RenderUnavailable("the renderer did not start")


def renderer_pid(paths: Paths) -> int | None:
    """The renderer's process id while it runs (a process that has ended but not been reaped does not)."""
    try:
        pid = int(paths.pid.read_text())
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    return None if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X") else pid


def start(paths: Paths) -> None:
    """Start the renderer unless one is running (one at a time, whichever worker asks first)."""
    with paths.spawn_lock.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if renderer_pid(paths) is not None:
            return
        paths.socket.unlink(missing_ok=True)
        owner = os.environ.get(OWNER_ENV) or str(os.getpid())
        with paths.log.open("a") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "publish.render_service", str(paths.root), "--owner", owner],
                cwd=Path(__file__).resolve().parent.parent,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        paths.pid.write_text(str(process.pid))
        # Reap it when it ends, so a dead renderer does not linger as a zombie of this worker.
        threading.Thread(target=process.wait, name="renderer-reaper", daemon=True).start()


def restart(paths: Paths) -> None:
    pid = renderer_pid(paths)
    if pid is not None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    paths.pid.unlink(missing_ok=True)
    start(paths)


class Activity:
    """When the renderer last worked, and how many images its browser has made."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.images = 0


def recycle_when_idle(renderer: ImageRenderer, activity: Activity) -> None:
    """After a burst, a browser idle for `RECYCLE_IDLE_S` is replaced by a fresh one (started at once,
    so the next image does not wait for it): Chromium does not give back what a burst made it take."""
    while True:
        time.sleep(1.0)
        if activity.images >= RECYCLE_AFTER and time.monotonic() - activity.last >= RECYCLE_IDLE_S:
            activity.images = 0
            renderer.recycle()


def serve(root: Path, owner: int) -> None:
    """The renderer's loop: one image at a time, until the server that owns it is gone."""
    os.nice(NICENESS)
    paths = Paths(root)
    paths.prepare()
    renderer = ImageRenderer(timeout_s=RENDER_TIMEOUT_S, cache_size=1)
    activity = Activity()
    threading.Thread(target=recycle_when_idle, args=(renderer, activity), name="recycle", daemon=True).start()
    # The browser first, so that the first image does not wait for it (workers wait for the socket).
    with contextlib.suppress(RenderUnavailable, RenderTimeout):
        renderer.recycle()
    paths.socket.unlink(missing_ok=True)
    listener = Listener(str(paths.socket), "AF_UNIX", backlog=QUEUE_SLOTS + 1, authkey=paths.authkey())

    def watch_owner() -> None:
        while True:
            time.sleep(OWNER_CHECK_S)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                renderer.close()
                shutil.rmtree(root, ignore_errors=True)
                os._exit(0)

    threading.Thread(target=watch_owner, name="owner", daemon=True).start()
    while True:
        try:
            connection = listener.accept()
        except (OSError, EOFError, AuthenticationError):
            continue  # a worker that went away, or a process that did not know the key
        started = time.monotonic()
        with connection:
            reply = answer(renderer, connection, activity)
            if reply is not None:
                with contextlib.suppress(OSError):  # the worker gave up waiting
                    connection.send(reply)
        # At most half of one core for images, however many are asked for: the pages keep the rest.
        time.sleep((time.monotonic() - started) * (1 / DUTY_CYCLE - 1))


def answer(renderer: ImageRenderer, connection: Connection, activity: Activity) -> tuple[str, Any] | None:
    """The reply to one job: ("ok", image), ("timeout", why) or ("unavailable", why); None when the
    worker has gone."""
    try:
        job = connection.recv()
    except (EOFError, OSError):
        return None
    try:
        image = renderer.render_figure(job["figure"], job["fmt"], job["width"], job["height"], job["scale"])
    except RenderTimeout as exc:
        return ("timeout", str(exc))
    except Exception as exc:  # the browser failed, or a job it could not read
        return ("unavailable", str(exc))
    activity.images += 1
    activity.last = time.monotonic()
    return ("ok", image)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--owner", type=int, required=True, help="the server's process id")
    args = parser.parse_args(argv)
    serve(args.root, args.owner)


if __name__ == "__main__":
    main()
