// Xinfang's only script besides the libraries. No inline script is allowed by the CSP.
(function () {
    "use strict";
    var token = document.querySelector('meta[name="request-verification-token"]');
    // htmx requests carry the anti-forgery token like forms do.
    document.body.addEventListener("htmx:configRequest", function (e) {
        if (token) { e.detail.headers["RequestVerificationToken"] = token.content; }
    });
    // A checkbox with data-enables="#id" enables that fieldset only while it is ticked: what a disabled fieldset
    // holds is not sent, so a form posts exactly what the clerk chose (e.g. one conclusion per demand, or one for all).
    function follow(box) {
        document.querySelectorAll(box.getAttribute("data-enables")).forEach(function (set) { set.disabled = !box.checked; });
    }
    document.querySelectorAll("input[data-enables]").forEach(follow);
    document.addEventListener("change", function (e) {
        if (e.target.matches && e.target.matches("input[data-enables]")) { follow(e.target); }
    });
    // Elements with data-confirm ask before submitting (a form) or following (a link).
    document.addEventListener("submit", function (e) {
        var message = e.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) { e.preventDefault(); }
    });
})();
