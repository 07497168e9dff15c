// Strata report filter: keeps the rows (nodes, packages, files) whose text contains the filter's,
// every row of a node whose name matches, hides the tables left without rows, and dims the
// graph's other nodes. #filter=TEXT sets it.
(function () {
  'use strict';
  var box = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var nodeRows = document.querySelectorAll('#nodes tbody tr');
  var sections = document.querySelectorAll('section.changes');
  var pictures = document.querySelectorAll('figure.graph g[data-node]');

  function matches(element, text) {
    return element.getAttribute('data-search').indexOf(text) >= 0;
  }

  function apply() {
    var text = box.value.trim().toLowerCase();
    var keep = {};
    var count = 0;
    nodeRows.forEach(function (row) {
      var hit = text === '' || matches(row, text);
      row.hidden = !hit;
      if (hit) {
        keep[row.getAttribute('data-node')] = true;
        count++;
      }
    });
    sections.forEach(function (section) {
      var node = section.getAttribute('data-node');
      var whole = text === '' || node.toLowerCase().indexOf(text) >= 0;
      section.querySelectorAll('tr[data-search]').forEach(function (row) {
        row.hidden = !whole && !matches(row, text);
      });
      section.querySelectorAll('table').forEach(function (table) {
        table.hidden = !whole && !table.querySelector('tr[data-search]:not([hidden])');
      });
      section.hidden = !keep[node];
    });
    pictures.forEach(function (picture) {
      picture.setAttribute('opacity', keep[picture.getAttribute('data-node')] ? '1' : '0.2');
    });
    shown.textContent = text === '' ? nodeRows.length + ' nodes'
        : count + ' of ' + nodeRows.length + ' nodes match';
  }

  box.addEventListener('input', apply);
  var hash = window.location.hash;
  if (hash.indexOf('#filter=') === 0) {
    box.value = decodeURIComponent(hash.substring('#filter='.length));
  }
  apply();
}());
