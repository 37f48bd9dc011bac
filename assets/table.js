/* The events table, written from the rows the server sends (`events_rows` in layouts/table.py):
   every text goes in as text, and a source becomes a link only to an http(s) address. One DOM
   write instead of thousands of Dash components, which take seconds to draw. Each cell is made by
   its own small function, so one kind of cell can change without touching the others. */
(function () {
  function element(name, text, className) {
    var node = document.createElement(name);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function dateCell(row) { return element("td", row[0]); }
  function countryCell(row) { return element("td", row[1]); }
  /* A text cut at the glossary's names ([text, entry or null] pieces, `data.glossary`): each name
     a link to its entry with the entry's definition as its tooltip (`.term` in style.css). */
  function linked(node, parts, terms, scope) {
    parts.forEach(function (part) {
      var entry = part[1] && terms[part[1]];
      if (!entry) { node.appendChild(document.createTextNode(part[0])); return; }
      var id = "tip-" + scope + "-" + part[1];
      var term = element("span", "", "term");
      var link = element("a", part[0], "term-link");
      link.href = entry.href;
      link.setAttribute("aria-describedby", id);
      var tip = element("span", entry.definition, "term-tip");
      tip.id = id;
      tip.setAttribute("role", "tooltip");
      term.appendChild(link);
      term.appendChild(tip);
      node.appendChild(term);
    });
    return node;
  }
  /* The title in bold, how firmly it is established when not confirmed, then the summary. */
  function eventCell(row, index, terms) {
    var cell = element("td");
    var parts = row[6] || [[[row[2], null]], [[row[4], null]]];
    cell.appendChild(linked(element("b"), parts[0], terms, "row" + index));
    if (row[3]) { cell.appendChild(document.createTextNode(" ")); cell.appendChild(element("i", row[3])); }
    cell.appendChild(document.createTextNode(" — "));
    linked(cell, parts[1], terms, "row" + index);
    return cell;
  }
  function sourcesCell(row) {
    var cell = element("td");
    row[5].forEach(function (source, i) {
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
  var CELLS = [dateCell, countryCell, eventCell, sourcesCell];

  function render(table) {
    var holder = document.getElementById("table-body");
    if (!holder || !table) { return window.dash_clientside.no_update; }
    if (!table.rows.length) {
      holder.replaceChildren(element("p", table.empty, "table-empty"));
      return "false";
    }
    var out = element("table");
    var head = element("tr");
    table.head.forEach(function (text, i) {
      var cell = element("th", text);
      cell.scope = "col";
      if (i === 0) { cell.setAttribute("aria-sort", table.sort); }
      head.appendChild(cell);
    });
    out.appendChild(element("thead")).appendChild(head);
    var body = element("tbody");
    table.rows.forEach(function (row, index) {
      var tr = element("tr");
      CELLS.forEach(function (cell) { tr.appendChild(cell(row, index, table.terms || {})); });
      body.appendChild(tr);
    });
    out.appendChild(body);
    holder.replaceChildren(out);
    return "false";
  }
  /* Dash's dropdowns are named by their value alone ("Niger", the same name as the map's country
     button): each of the table's is named by its label too ("Country Niger"). */
  function nameControls() {
    document.querySelectorAll(".table-filters button.dash-dropdown").forEach(function (button) {
      var wanted = button.id + "-label " + button.id + "-value";
      if (document.getElementById(button.id + "-label") && button.getAttribute("aria-labelledby") !== wanted) {
        button.setAttribute("aria-labelledby", wanted);
      }
    });
  }
  new MutationObserver(nameControls).observe(document.documentElement, { childList: true, subtree: true });

  window.dash_clientside = Object.assign({}, window.dash_clientside, { table: { render: render } });
})();
