/* Share dialog: addresses for this view, copy buttons, and images made from the map on screen. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  share: {
    /* The permalink, the embed code and the download links, from the address bar and the year. */
    addresses: function (search, year, texts) {
      var origin = window.location.origin;
      var params = new URLSearchParams(search || "");
      var view = new URLSearchParams();
      ["lang", "lens", "country", "bases"].forEach(function (key) {
        if (params.get(key)) { view.set(key, params.get(key)); }
      });
      var query = view.toString();
      var withYear = new URLSearchParams(view);
      withYear.set("year", String(year));
      var link = origin + "/" + (search || "");
      var embed = origin + "/embed?" + withYear.toString();
      var id = "sahel-map-" + year;
      var message = (texts && texts.message) || "sahel-map:height";
      var title = ((texts && texts.iframe_title) || "Sahel Realignment Map").replace(/"/g, "&quot;");
      var code =
        '<iframe id="' + id + '" src="' + embed + '" title="' + title + '" style="width:100%;height:640px;border:0" loading="lazy"></iframe>\n' +
        '<script>addEventListener("message",function(e){if(e.origin==="' + origin + '"&&e.data&&e.data.type==="' + message +
        '"&&e.source===document.getElementById("' + id + '").contentWindow)document.getElementById("' + id + '").style.height=e.data.height+"px"})</script>';
      var snapshot = origin + "/snapshot/" + year;
      var suffix = query ? "?" + query : "";
      return [link, code, snapshot + ".csv?" + (query ? query + "&" : "") + "download=1",
              snapshot + ".png" + suffix, snapshot + ".svg" + suffix, snapshot + ".txt" + suffix];
    },

    copy: function (linkClicks, embedClicks, texts) {
      var ctx = window.dash_clientside.callback_context;
      if (!ctx.triggered.length) { return window.dash_clientside.no_update; }
      var fieldId = ctx.triggered[0].prop_id.indexOf("share-copy-embed") === 0 ? "share-embed" : "share-link";
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

    /* Render the map on screen with the snapshot's layout (title, legend, credit) and save it. */
    download: function (image) {
      if (!image) { return window.dash_clientside.no_update; }
      var graph = document.querySelector("#map .js-plotly-plot");
      if (!graph || !window.Plotly) { return window.dash_clientside.no_update; }
      var layout = JSON.parse(JSON.stringify(graph.layout));
      var extra = image.layout;
      layout.geo = Object.assign({}, layout.geo, extra.geo);
      layout.title = extra.title;
      layout.annotations = extra.annotations;
      layout.margin = extra.margin;
      delete layout.width;
      delete layout.height;
      var figure = {
        data: graph.data,
        layout: layout,
        config: { topojsonURL: graph._context.topojsonURL },
      };
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
