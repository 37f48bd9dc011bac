/* Share dialog: addresses for this view, copy buttons, and images made from the map on screen. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  share: {
    /* The links of the period on screen, made by the server (they travel with the map's frames);
       only the site's address, which the browser knows best, is put in front of them. A view of
       one day (`?date=2023-10-15`, the settled value being the day's token) has its own frame. */
    addresses: function (frames, value, texts) {
      var noUpdate = window.dash_clientside.no_update;
      var day = frames && frames.day;
      var frame = day && day.token === value ? day : frames && frames.periods && frames.periods[String(value)];
      if (!frame || !frame.links) { return [noUpdate, noUpdate, noUpdate, noUpdate, noUpdate]; }
      var origin = window.location.origin;
      var links = frame.links;
      return [origin + links.permalink, origin + links.csv, origin + links.png, origin + links.svg,
              origin + links.txt];
    },

    /* The view and the embed's options, for the server to build the code, while the dialog is
       open (its opening is a click on it, which asks too); nothing when they are what was last
       asked (any click in the dialog, such as a copy button, reaches here). */
    ask: function () {
      var dialog = document.getElementById("share");
      if (!dialog || !dialog.open) { return window.dash_clientside.no_update; }
      var asking = Array.prototype.slice.call(arguments, 0, 11);
      var asked = arguments[arguments.length - 1];
      return JSON.stringify(asking) === JSON.stringify(asked) ? window.dash_clientside.no_update : asking;
    },

    /* The month field counts only for an embed of a fixed month. */
    fixedMonth: function (mode) { return mode !== "fixed"; },

    /* The embed code and its preview for the dialog's options, made by the server. The preview is
       a whole page: it is loaded only while the options are open (see the listener below). */
    embed: function (built, texts) {
      var noUpdate = window.dash_clientside.no_update;
      if (!built || !built.code) { return [noUpdate, noUpdate, noUpdate]; }
      var origin = window.location.origin;
      var src = origin + built.src;
      var preview = document.getElementById("share-preview");
      var builder = preview && preview.closest("details");
      if (preview) { preview.setAttribute("data-src", src); }
      var shown = builder && builder.open && preview.closest("details.share").open;
      return [built.code.split(texts.origin).join(origin), shown ? src : noUpdate,
              { height: built.height + "px" }];
    },

    /* The view and the reader's day, for the server to write the citation, while "Cite this view"
       is open in the open dialog (opening either is a click on it, which asks too); nothing when
       they are what was last asked. */
    citeAsk: function (period, country, lens, bases, lang, shareClicks, citeClicks, asked) {
      var noUpdate = window.dash_clientside.no_update;
      var dialog = document.getElementById("share");
      var section = document.getElementById("share-cite");
      if (!dialog || !dialog.open || !section || !section.open) { return noUpdate; }
      var now = new Date();
      function two(n) { return (n < 10 ? "0" : "") + n; }
      var today = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
      var asking = [period, country === undefined ? null : country, lens, bases, lang, today];
      return JSON.stringify(asking) === JSON.stringify(asked) ? noUpdate : asking;
    },

    /* The citations made by the server, with the site's address put in. */
    cite: function (built, texts) {
      var noUpdate = window.dash_clientside.no_update;
      if (!built || !built.bibtex) { return [noUpdate, noUpdate, noUpdate]; }
      var origin = window.location.origin;
      return [built.chicago, built.apa, built.bibtex].map(function (text) {
        return text.split(texts.origin).join(origin);
      });
    },

    /* Any copy button of the dialog: its field's id is the button's without `copy-`
       (`share-copy-link` copies `share-link`). */
    copy: function () {
      var ctx = window.dash_clientside.callback_context;
      var texts = arguments[arguments.length - 1];
      if (!ctx.triggered.length) { return window.dash_clientside.no_update; }
      var fieldId = ctx.triggered[0].prop_id.split(".")[0].replace("share-copy-", "share-");
      var field = document.getElementById(fieldId);
      var text = field ? field.value : "";
      function fallback() {
        field.focus();
        field.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
        return ok ? texts.copied : texts.copy_failed;
      }
      if (navigator.clipboard && window.isSecureContext) {
        return navigator.clipboard.writeText(text).then(
          function () { return texts.copied; },
          function () { return fallback(); }
        );
      }
      return fallback();
    },

    /* Render the map on screen with the snapshot's layout (title, legend, credit) and labels, and save it. */
    download: function (image) {
      if (!image) { return window.dash_clientside.no_update; }
      var graph = document.querySelector("#map .js-plotly-plot");
      if (!graph || !window.Plotly) { return window.dash_clientside.no_update; }
      // The server's picture for the chosen preset, with the shapes the map on the page already has.
      var figure = image.figure;
      figure.data[0] = Object.assign({}, figure.data[0], { geojson: graph.data[0].geojson });
      figure.config = { topojsonURL: graph._context.topojsonURL };
      return window.Plotly.toImage(figure, {
        format: image.format, width: image.width, height: image.height, scale: image.scale || 1,
      }).then(function (url) {
        var a = document.createElement("a");
        a.href = url;
        a.download = image.filename;
        document.body.appendChild(a);
        a.click();
        a.remove();
        return image.done;
      });
    },
  },
});

/* A comparison's share block (layouts/compare.py) is plain markup: the browser puts the site's
   address into its fields and copies them. */
(function () {
  var ORIGIN = "{origin}";
  function fill() {
    document.querySelectorAll("[data-origin]").forEach(function (field) {
      if (field.value.indexOf(ORIGIN) !== -1) { field.value = field.value.split(ORIGIN).join(window.location.origin); }
    });
  }
  new MutationObserver(fill).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute("data-copy"));
    var block = button.closest("[data-copied]");
    var status = document.getElementById("compare-status");
    if (!field || !block || !status) { return; }
    function say(ok) { status.textContent = block.getAttribute(ok ? "data-copied" : "data-copy-failed"); }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      say(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () { say(true); }, fallback);
    } else {
      fallback();
    }
  });
})();

/* Opening the embed options loads the preview of the embed they make. */
document.addEventListener("toggle", function (event) {
  var builder = event.target;
  if (!builder.classList || !builder.classList.contains("embed-builder") || !builder.open) { return; }
  var preview = document.getElementById("share-preview");
  var src = preview && preview.getAttribute("data-src");
  if (src && preview.getAttribute("src") !== src) { preview.setAttribute("src", src); }
}, true);
