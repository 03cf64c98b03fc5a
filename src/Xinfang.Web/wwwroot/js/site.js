// Xinfang's only script besides the libraries. No inline script is allowed by the CSP.
(function () {
    "use strict";
    var token = document.querySelector('meta[name="request-verification-token"]');
    // htmx requests carry the anti-forgery token like forms do.
    document.body.addEventListener("htmx:configRequest", function (e) {
        if (token) { e.detail.headers["RequestVerificationToken"] = token.content; }
    });
    // Elements with data-confirm ask before submitting (a form) or following (a link).
    document.addEventListener("submit", function (e) {
        var message = e.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) { e.preventDefault(); }
    });
})();
