// Registering and removing passkeys (B3) with Spring Security's WebAuthn script (/login/webauthn.js), loaded before
// this file. A file, not an inline script, so the pages' Content-Security-Policy allows no inline script at all; the
// CSRF header and token come from this script element's data attributes (read now: currentScript is gone later).
(() => {
  const csrf = document.currentScript.dataset;
  const csrfHeaders = { [csrf.csrfHeader]: csrf.csrfToken };
  document.addEventListener("DOMContentLoaded", () => setupRegistration(csrfHeaders, "", {
    getRegisterButton: () => document.getElementById("register"),
    getLabelInput: () => document.getElementById("label"),
    getSuccess: () => document.getElementById("success"),
    getError: () => document.getElementById("error"),
    getDeleteForms: () => Array.from(document.querySelectorAll("form.delete-passkey")),
  }));
})();
