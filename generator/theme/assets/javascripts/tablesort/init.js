// Sortable tables (section indexes, figures): Material's documented Tablesort hook, run on
// every page load; vendored copy of npm tablesort 5.7.1 (MIT), no CDN.
document$.subscribe(function () {
  document.querySelectorAll("article table:not([class])").forEach(function (table) {
    new Tablesort(table);
  });
});
