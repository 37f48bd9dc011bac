/* The events table, written from the rows the server sends (`events_rows` in layouts/table.py):
   every text goes in as text, and a source becomes a link only to an http(s) address. One DOM
   write instead of thousands of Dash components, which take seconds to draw. */
(function () {
  function element(name, text, className) {
    var node = document.createElement(name);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function sourcesCell(sources) {
    var cell = element("td");
    sources.forEach(function (source, i) {
      if (i > 0) { cell.appendChild(document.createTextNode(" · ")); }
      var url = source[1];
      if (/^https?:\/\//i.test(url)) {
        var link = element("a", source[0]);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener";
        cell.appendChild(link);
      } else {
        cell.appendChild(document.createTextNode(source[0]));
      }
      if (source[2]) { cell.appendChild(document.createTextNode(" " + source[2])); }
    });
    return cell;
  }
  function render(table) {
    var holder = document.getElementById("table-body");
    if (!holder || !table) { return window.dash_clientside.no_update; }
    var out = element("table");
    var head = element("tr");
    table.head.forEach(function (text) { head.appendChild(element("th", text)); });
    out.appendChild(element("thead")).appendChild(head);
    var body = element("tbody");
    table.rows.forEach(function (row) {
      var tr = element("tr");
      tr.appendChild(element("td", row[0]));
      tr.appendChild(element("td", row[1]));
      var event = element("td");
      event.appendChild(element("b", row[2]));
      if (row[3]) { event.appendChild(document.createTextNode(" ")); event.appendChild(element("i", row[3])); }
      event.appendChild(document.createTextNode(" — " + row[4]));
      tr.appendChild(event);
      tr.appendChild(sourcesCell(row[5]));
      body.appendChild(tr);
    });
    out.appendChild(body);
    holder.replaceChildren(out);
    return "false";
  }
  window.dash_clientside = Object.assign({}, window.dash_clientside, { table: { render: render } });
})();
