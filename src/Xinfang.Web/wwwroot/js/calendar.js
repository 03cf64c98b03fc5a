// 工作日历: a small convenience only; every page works without this script.
(function () {
    "use strict";

    // Clicking a day in the month grids adds a line for it to the import list (administrators only see the list).
    var lines = document.getElementById("Lines");
    if (lines) {
        document.querySelectorAll(".xf-month-grid").forEach(function (grid) { grid.classList.add("xf-editable"); });
        document.addEventListener("click", function (e) {
            var cell = e.target.closest ? e.target.closest("td.xf-day[data-date]") : null;
            if (!cell) { return; }
            var weekend = cell.getAttribute("data-kind") === "weekend";
            var text = lines.value.replace(/\s+$/, "");
            lines.value = (text ? text + "\n" : "") + cell.getAttribute("data-date") + (weekend ? " 班 " : " 休 ");
            lines.focus();
            lines.setSelectionRange(lines.value.length, lines.value.length);
        });
    }
})();
