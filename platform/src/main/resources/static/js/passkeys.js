// Registering and removing passkeys (B3) with Spring Security's WebAuthn script (/login/webauthn.js). As on the
// sign-in page, no syntax newer than ES5 here, and Spring's script is loaded only where WebAuthn exists; elsewhere
// the page says passkeys cannot be registered in this browser. A file, not an inline script, so the pages'
// Content-Security-Policy allows no inline script at all; the CSRF header and token come from this script element's
// data attributes (read now: currentScript is gone later).
(function () {
  "use strict";
  var self = document.currentScript;
  if (!window.PublicKeyCredential || !window.fetch || !self) {
    var unsupported = document.getElementById("passkeys-unsupported");
    var register = document.getElementById("register");
    if (unsupported && register) {
      unsupported.hidden = false;
      register.disabled = true;
    }
    return;
  }
  var headers = {};
  headers[self.getAttribute("data-csrf-header")] = self.getAttribute("data-csrf-token");
  var webauthn = document.createElement("script");
  webauthn.src = self.getAttribute("data-webauthn-script");
  webauthn.onload = function () {
    window.setupRegistration(headers, "", {
      getRegisterButton: function () { return document.getElementById("register"); },
      getLabelInput: function () { return document.getElementById("label"); },
      getSuccess: function () { return document.getElementById("success"); },
      getError: function () { return document.getElementById("error"); },
      getDeleteForms: function () { return Array.prototype.slice.call(document.querySelectorAll("form.delete-passkey")); }
    });
  };
  document.head.appendChild(webauthn);
})();
