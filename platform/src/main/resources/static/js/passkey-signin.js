// Passkey sign-in (B3) on the button #passkey-signin with Spring Security's WebAuthn script (/login/webauthn.js),
// loaded before this file. A file, not an inline script, so the pages' Content-Security-Policy allows no inline
// script at all; the CSRF header and token come from this script element's data attributes.
(() => {
  const csrf = document.currentScript.dataset;
  setupLogin({ [csrf.csrfHeader]: csrf.csrfToken }, "", document.getElementById("passkey-signin"));
})();
