/* The static export's month page (publish/static_site.py): no server. Plotly draws the map once
   from the page's JSON; the slider (← → a month, PageUp / PageDown a year, Home / End) then has
   assets/map.js write each month's precomputed frame into it, as on the live page, and this script
   writes the month's texts, the year's events with their sources, and the month into the address
   (`#2023-08`), so that a link opens that month, from disk too. Texts go in with textContent. */
(function () {
  var holder = document.getElementById("sahel-data");
  if (!holder || !window.Plotly || !window.sahelMap) { return; }
  var page = JSON.parse(holder.textContent);
  var frames = window.innerWidth < page.compact_below ? page.frames.compact : page.frames.wide;
  var slider = document.getElementById("static-slider");
  var gd = document.getElementById("graph");
  var byToken = {};
  Object.keys(page.months).forEach(function (value) { byToken[page.months[value].token] = parseInt(value, 10); });
  var shownYear = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function fill(id, nodes) {
    var node = document.getElementById(id);
    while (node.firstChild) { node.removeChild(node.firstChild); }
    nodes.forEach(function (child) { node.appendChild(child); });
  }
  function setText(id, text) { document.getElementById(id).textContent = text; }
  function changes(rows, empty) {
    if (!rows.length) { return [el("p", "muted", empty)]; }
    var list = el("ul", "changes");
    rows.forEach(function (row) {
      var item = el("li");
      item.appendChild(el("span", "date", row[0]));
      item.appendChild(document.createTextNode(row[1]));
      list.appendChild(item);
    });
    return [list];
  }
  function link(text, href, title) {
    var a = el("a", "", text);
    if (/^https?:\/\//.test(href)) { a.setAttribute("href", href); }
    if (title) { a.setAttribute("title", title); }
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener");
    return a;
  }
  function events(year) {
    if (!year.events.length) { return [el("p", "muted", page.texts.no_events)]; }
    var list = el("ol", "events");
    year.events.forEach(function (event) {
      var item = el("li", "event");
      item.setAttribute("data-event-id", event.id);
      item.appendChild(el("span", "date", event.date));
      var title = el("strong", "event-title", event.title);
      if (event.confidence) {
        title.appendChild(document.createTextNode(" "));
        var mark = el("span", "confidence", event.confidence[0]);
        mark.setAttribute("title", event.confidence[1]);
        title.appendChild(mark);
      }
      item.appendChild(title);
      item.appendChild(el("p", "event-summary", event.summary));
      var sources = el("p", "sources", page.texts.sources);
      event.sources.forEach(function (source, i) {
        if (i) { sources.appendChild(document.createTextNode(" · ")); }
        sources.appendChild(link(source.text, source.url, source.title));
        if (source.detail) { sources.appendChild(el("span", "source-detail", " (" + source.detail + ")")); }
      });
      item.appendChild(sources);
      list.appendChild(item);
    });
    return [list];
  }

  function clamp(value) { return Math.max(page.first, Math.min(page.last, value)); }
  function addressed() {
    var match = /(\d{4}-\d{2})/.exec(location.hash) || /[?&]date=(\d{4}-\d{2})/.exec(location.search);
    return match && byToken[match[1]] !== undefined ? byToken[match[1]] : page.last;
  }

  function show(value) {
    value = clamp(value);
    var month = page.months[String(value)];
    slider.value = String(value);
    window.sahelMap.paint(value); // the map, its title, the month's name, the as-of line
    slider.setAttribute("aria-valuetext", document.getElementById("year-display").textContent);
    setText("summary", month.summary);
    setText("month-title", month.month_title);
    fill("month-changes", changes(month.month, page.texts.no_month));
    setText("year-title", month.year_title);
    fill("year-changes", changes(month.year, page.texts.no_year));
    var year = month.token.slice(0, 4);
    if (year !== shownYear) {
      shownYear = year;
      var about = page.years[year];
      setText("events-title", about.title);
      fill("events", events(about));
      setText("pictures-title", about.pictures_title);
      fill("pictures", about.pictures.map(function (p) { var a = el("a", "", p[0]); a.setAttribute("href", p[1]); return a; }));
    }
    var hash = "#" + month.token;
    if (location.hash !== hash) {
      try { history.replaceState(null, "", hash); } catch (e) { location.replace(hash); }
    }
    document.querySelectorAll("[data-keeps-month]").forEach(function (a) {
      a.setAttribute("href", a.getAttribute("href").split("#")[0] + hash);
    });
  }

  slider.addEventListener("input", function () { show(parseInt(slider.value, 10)); });
  slider.addEventListener("keydown", function (event) {
    var step = { PageUp: 12, PageDown: -12 }[event.key];
    if (!step) { return; }
    event.preventDefault();
    show(parseInt(slider.value, 10) + step);
  });
  document.getElementById("static-prev").addEventListener("click", function () { show(parseInt(slider.value, 10) - 1); });
  document.getElementById("static-next").addEventListener("click", function () { show(parseInt(slider.value, 10) + 1); });
  window.addEventListener("hashchange", function () { show(addressed()); });

  var figure = page.figure;
  window.sahelMap.figureValues(frames, addressed()).forEach(function (entry) {
    var path = entry[0], target = figure;
    for (var i = 0; i < path.length - 1; i++) {
      if (target[path[i]] === undefined) { target[path[i]] = {}; }
      target = target[path[i]];
    }
    target[path[path.length - 1]] = entry[1];
  });
  window.sahelMap.use(frames);
  window.Plotly.newPlot(gd, figure.data, figure.layout, page.config).then(function () {
    // After any drawing by plotly (a resize), the month shown is written again.
    gd.on("plotly_afterplot", function () { window.sahelMap.paint(parseInt(slider.value, 10)); });
    show(addressed());
    document.documentElement.setAttribute("data-months-ready", "1");
  });
})();
