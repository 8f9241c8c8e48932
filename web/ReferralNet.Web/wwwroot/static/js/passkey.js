// A passkey where the browser can make one: forms marked data-passkey ("create" or "get") are shown, and on submit
// ask the web app for the options (data-options, a post with the form's antiforgery token), ask the phone with them,
// and send its answer to the form's action; the answer says where to go next or what to show. Without script or
// WebAuthn the forms stay hidden and the sign-in name and passphrase remain.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !window.fetch) { return; }

  var bytes = function (text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base64 + '==='.slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, function (c) { return c.charCodeAt(0); }).buffer;
  };
  var text = function (buffer) {
    var binary = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  // WebAuthn's JSON forms, where the browser has them (recent ones do), else the same by hand.
  var creationOptions = function (json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) { return PublicKeyCredential.parseCreationOptionsFromJSON(json); }
    var options = Object.assign({}, json, { challenge: bytes(json.challenge), user: Object.assign({}, json.user, { id: bytes(json.user.id) }) });
    options.excludeCredentials = (json.excludeCredentials || []).map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
    return options;
  };
  var requestOptions = function (json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) { return PublicKeyCredential.parseRequestOptionsFromJSON(json); }
    var options = Object.assign({}, json, { challenge: bytes(json.challenge) });
    options.allowCredentials = (json.allowCredentials || []).map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
    return options;
  };
  var answer = function (credential) {
    if (credential.toJSON) { return credential.toJSON(); }
    var response = {};
    ['clientDataJSON', 'attestationObject', 'authenticatorData', 'signature', 'userHandle'].forEach(function (name) {
      if (credential.response[name]) { response[name] = text(credential.response[name]); }
    });
    if (credential.response.getTransports) { response.transports = credential.response.getTransports(); }
    return { id: credential.id, rawId: text(credential.rawId), type: credential.type, response: response, clientExtensionResults: credential.getClientExtensionResults() };
  };

  document.querySelectorAll('[data-passkey-only]').forEach(function (element) { element.hidden = false; });
  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    var status = form.querySelector('[data-passkey-status]');
    var button = form.querySelector('button');
    var say = function (words) { status.textContent = words; };
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      say(form.getAttribute('data-working'));
      var post = function (url, data) {
        return fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) {
            return response.json().then(function (json) {
              if (!response.ok) { throw { refusal: json.message }; }
              return json;
            });
          });
      };
      post(form.getAttribute('data-options'), new FormData(form))
        .then(function (ceremony) {
          var asked = form.getAttribute('data-passkey') === 'create'
            ? navigator.credentials.create({ publicKey: creationOptions(ceremony.options) })
            : navigator.credentials.get({ publicKey: requestOptions(ceremony.options) });
          return asked.then(function (credential) {
            var data = new FormData(form);
            data.append('CeremonyId', ceremony.ceremonyId);
            data.append('Credential', JSON.stringify(answer(credential)));
            return post(form.action, data);
          });
        })
        .then(function (outcome) { window.location.assign(outcome.next); })
        .catch(function (error) {
          // A refusal of the web app carries its words; anything else (cancelled on the phone, timed out) gets the form's.
          say(error && error.refusal ? error.refusal : form.getAttribute('data-failed'));
          button.disabled = false;
        });
    });
  });
})();
