// Passkey sign-in (B3) on the button #passkey-signin with Spring Security's WebAuthn script (/login/webauthn.js).
// Written for any script engine (no syntax newer than ES5): where WebAuthn is missing (an old browser, a test
// harness's engine) nothing more is loaded and the passkey section stays hidden, so password sign-in never depends on
// it and no script error is raised. Spring's script (async functions, object spread) is loaded only where WebAuthn,
// and with it a modern engine, exists. A file, not an inline script, so the pages' Content-Security-Policy allows no
// inline script at all; the CSRF header and token come from this script element's data attributes.
(function () {
  "use strict";
  var self = document.currentScript;
  var button = document.getElementById("passkey-signin");
  if (!window.PublicKeyCredential || !window.fetch || !self || !button) {
    return;
  }
  var headers = {};
  headers[self.getAttribute("data-csrf-header")] = self.getAttribute("data-csrf-token");
  var webauthn = document.createElement("script");
  webauthn.src = self.getAttribute("data-webauthn-script");
  webauthn.onload = function () {
    window.setupLogin(headers, "", button);
    button.parentNode.hidden = false;
  };
  document.head.appendChild(webauthn);
})();
