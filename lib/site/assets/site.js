// kith: sorting and filtering of tables marked data-sortable; the page
// reads fully without it.
(function () {
  "use strict";
  function cellKey(row, i) {
    var c = row.cells[i];
    return c ? (c.getAttribute("data-sort") || c.textContent.trim().toLowerCase()) : "";
  }
  function sortBy(table, i, th) {
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    var num = th.classList.contains("num");
    rows.sort(function (a, b) {
      var x = cellKey(a, i), y = cellKey(b, i);
      if (num) { x = parseFloat(x) || 0; y = parseFloat(y) || 0; }
      return x < y ? -dir : x > y ? dir : 0;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () { sortBy(table, i, th); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    var count = document.getElementById(input.getAttribute("data-count"));
    if (!table) return;
    input.hidden = false;
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase(), shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var hit = q === "" || r.textContent.toLowerCase().indexOf(q) >= 0;
        r.hidden = !hit;
        if (hit) shown++;
      });
      if (count) count.textContent = String(shown);
    });
  });
})();
