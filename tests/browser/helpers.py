"""Small helpers for reading what the map shows."""

from __future__ import annotations

import contextlib
import time
import urllib.error
import urllib.request

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from data.i18n import Lang
from data.period import Period

FOCUS = ("MLI", "BFA", "NER", "TCD")

_FILLS = """
(selector) => Object.fromEntries(
  Array.from(document.querySelectorAll(selector + ' .choroplethlocation'))
    .filter(path => path.__data__ && path.__data__.loc)
    .map(path => [path.__data__.loc, path.getAttribute('fill')])
)
"""


def rgb(hex_colour: str) -> str:
    """A colour as the browser reports a fill: `rgb(r, g, b)`."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def open_map(page: Page, url: str, selector: str = "#map") -> None:
    """Open a page of the app and wait until the countries are drawn (and, on the map page, the
    months have come, so that the slider's keys step through them)."""
    page.goto(url)
    page.wait_for_function(
        "(selector) => document.querySelectorAll(selector + ' .choroplethlocation[fill]').length > 40"
        " && (!document.querySelector('#year-slider') || (window.sahelMap && window.sahelMap.frames()))",
        arg=selector,
    )


def fills(page: Page, selector: str = "#map") -> dict[str, str]:
    """The fill colour of every drawn country, by ISO3 code."""
    return page.evaluate(_FILLS, selector)


def shown_period(page: Page) -> str:
    """The period written large beside the slider: "December 2023"."""
    return page.locator("#year-display").inner_text()


def slider_value(page: Page) -> int:
    return int(page.locator("#year-slider [role=slider]").get_attribute("aria-valuenow") or "0")


_SHOWN = """
() => ({
  painted: window.sahelMap && window.sahelMap.shown(),
  named: document.querySelector('#year-display').textContent,
  slider: document.querySelector('#year-slider [role=slider]').getAttribute('aria-valuenow'),
  focus: document.activeElement && (document.activeElement.id || document.activeElement.getAttribute('role')),
})
"""


def wait_for_month(page: Page, period: Period, lang: Lang = "en") -> None:
    """Wait until the map shows `period`: the slider on its month, the month painted and named."""
    try:
        page.wait_for_function(
            "([value, label]) => window.sahelMap && window.sahelMap.shown() === value"
            " && document.querySelector('#year-display').textContent === label"
            " && document.querySelector('#year-slider [role=slider]').getAttribute('aria-valuenow')"
            " === String(value)",
            arg=[period.slider_value(), period.label(lang)],
        )
    except PlaywrightTimeout as timeout:
        shown = page.evaluate(_SHOWN)
        wanted = period.label(lang)
        raise AssertionError(f"waited for {wanted} at {page.url}; the map shows {shown}") from timeout


_INSIDE = """
([selector, iso3]) => {
  const root = document.querySelector(selector);
  const path = Array.from(root.querySelectorAll('.choroplethlocation'))
    .find(p => p.__data__ && p.__data__.loc === iso3);
  const box = path.getBoundingClientRect();
  const toPath = path.getScreenCTM().inverse();
  // What is drawn over the countries: labels, and base markers with the distance at which hover
  // picks them.
  const boxes = (query, margin) => Array.from(root.querySelectorAll(query))
    .filter(el => el.style.display !== 'none')
    .map(el => [el.getBoundingClientRect(), margin])
    .filter(([r]) => r.width > 0);
  const over = [...boxes('.scattergeo text', 6), ...boxes('.scattergeo path.point', 26)];
  const covered = (x, y) => over.some(
    ([r, m]) => x > r.left - m && x < r.right + m && y > r.top - m && y < r.bottom + m
  );
  const inside = (x, y) => {
    const local = new DOMPoint(x, y).matrixTransform(toPath);
    return path.isPointInFill(local);
  };
  const middle = [box.left + box.width / 2, box.top + box.height / 2];
  const points = [];
  for (let i = 1; i < 24; i++) {
    for (let j = 1; j < 24; j++) {
      points.push([box.left + box.width * i / 24, box.top + box.height * j / 24]);
    }
  }
  const distance = ([x, y]) => Math.hypot(x - middle[0], y - middle[1]);
  points.sort((a, b) => distance(a) - distance(b));
  // Inside with a margin: the four points around it are inside too.
  const clear = points.find(([x, y]) => !covered(x, y)
    && [[0, 0], [5, 0], [-5, 0], [0, 5], [0, -5]].every(([dx, dy]) => inside(x + dx, y + dy)));
  return clear ? { x: clear[0], y: clear[1] } : null;
}
"""


def point_inside(page: Page, iso3: str, selector: str = "#map") -> dict[str, float]:
    """A point on screen inside a country, clear of labels and base markers."""
    point = page.evaluate(_INSIDE, [selector, iso3])
    assert point, f"no clear point inside {iso3}"
    return point


_CLASHES = """
(selector) => {
  const root = selector ? document.querySelector(selector) : document.documentElement;
  const shown = (node) => {
    for (let n = node; n && n !== root; n = n.parentNode) {
      if (n.style && n.style.display === 'none') { return false; }
    }
    return true;
  };
  const box = (nodes) => nodes.map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0)
    .reduce((u, r) => u === null ? { l: r.left, t: r.top, r: r.right, b: r.bottom } : {
      l: Math.min(u.l, r.left), t: Math.min(u.t, r.top),
      r: Math.max(u.r, r.right), b: Math.max(u.b, r.bottom),
    }, null);
  const hits = (a, b) => a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.t < b.b - 0.5 && b.t < a.b - 0.5;
  const geos = Array.from(root.querySelectorAll('.geo .layer.bg'));
  const traces = Array.from(root.querySelectorAll('g.trace.scattergeo'));
  const labels = [];
  const markers = [];
  traces.forEach((trace) => {
    trace.querySelectorAll('text').forEach((text) => {
      if (!text.textContent.trim() || !shown(text)) { return; }
      // A marker's count, drawn on the marker; but the names under the briefing's closed bases count.
      const uid = String(trace.__data__ && trace.__data__[0] && trace.__data__[0].trace.uid);
      if (trace.querySelector('path.point') && !uid.startsWith('closed')) { return; }
      const lines = Array.from(text.querySelectorAll('tspan.line')).filter(shown);
      const b = box(lines.length ? lines : [text]);
      if (b) { labels.push({ text: (lines[0] || text).textContent, box: b }); }
    });
    trace.querySelectorAll('path.point').forEach((marker) => {
      if (!shown(marker)) { return; }
      const b = box([marker]);
      if (b && b.r - b.l > 1) { markers.push(b); }
    });
  });
  const areas = geos.map((g) => box([g]));
  const problems = [];
  labels.forEach((label, i) => {
    const b = label.box;
    if (!areas.some((a) => b.l >= a.l - 0.5 && b.r <= a.r + 0.5 && b.t >= a.t - 0.5 && b.b <= a.b + 0.5)) {
      problems.push(label.text + ' leaves the map');
    }
    labels.slice(i + 1).forEach((other) => {
      if (hits(label.box, other.box)) { problems.push(label.text + ' overlaps ' + other.text); }
    });
    if (markers.some((m) => hits(label.box, m))) { problems.push(label.text + ' overlaps a base marker'); }
  });
  return { labels: labels.map((l) => l.text), markers: markers.length, problems: problems };
}
"""


def label_clashes(page: Page, selector: str | None = "#map") -> dict:
    """The map's labels as drawn (their first line), its base markers, and every label that leaves
    the map's frame or overlaps another label or a marker."""
    return page.evaluate(_CLASHES, selector)


def settled_label_clashes(page: Page, selector: str | None = "#map", timeout: float = 10_000) -> dict:
    """`label_clashes` once the map has come to rest: a redraw by plotly (a resize when the page
    around it fills in) shows its labels unplaced until `assets/labels.js` places them again."""
    with contextlib.suppress(PlaywrightTimeout):  # then the clashes found are the answer
        page.wait_for_function(
            f"(selector) => ({_CLASHES})(selector).problems.length === 0", arg=selector, timeout=timeout
        )
    return label_clashes(page, selector)


def fetch_image(url: str, patience_s: float = 120.0) -> tuple[int, bytes]:
    """An image as a well-behaved client gets it: while the server answers 503 with Retry-After (its
    image queue full, or its renderer starting again), asked again when the server says to."""
    deadline = time.monotonic() + patience_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            retry_after = error.headers["Retry-After"]
            if error.code != 503 or retry_after is None or time.monotonic() > deadline:
                return error.code, error.read()
        time.sleep(float(retry_after))  # the server's own answer to "when": not a guess at timing


_PICTURE_TEXTS = """
() => {
  const svg = document.querySelector('svg');
  const width = parseFloat(svg.getAttribute('width')), height = parseFloat(svg.getAttribute('height'));
  const origin = svg.getBoundingClientRect();
  const boxes = Array.from(svg.querySelectorAll('.annotation-text')).filter((t) => t.textContent.trim())
    .map((t) => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, left: r.left - origin.left, top: r.top - origin.top,
              right: r.right - origin.left, bottom: r.bottom - origin.top,
              size: parseFloat(getComputedStyle(t).fontSize)};
    });
  const problems = [];
  for (const b of boxes) {
    const outside = b.left < 0 || b.top < 0 || b.right > width || b.bottom > height;
    if (outside) problems.push(`${b.text} leaves the canvas`);
    if (b.size < 12) problems.push(`${b.text} is ${b.size} px`);
  }
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    if (overlap) problems.push(`${a.text} overlaps ${b.text}`);
  }));
  return {width, height, texts: boxes.map((b) => b.text), problems};
}
"""


def picture_text_problems(page: Page) -> dict:
    """In a picture (an SVG opened as the page): its size, its texts, and every text that leaves the
    canvas, is under 12 px or overlaps another, as Chromium lays them out."""
    return page.evaluate(_PICTURE_TEXTS)
