// 登记回执: the print button (no inline handlers under the CSP). The cursor starts on 打印 (the petitioner waits for
// the receipt); once the print dialog closes it moves to 转送, the next step, so Enter transfers to the suggested unit.
(function () {
    "use strict";
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });
    window.addEventListener("afterprint", function () {
        var transfer = document.querySelector("[data-quick-transfer] button[type=submit]");
        if (transfer) { transfer.focus(); }
    });
})();
