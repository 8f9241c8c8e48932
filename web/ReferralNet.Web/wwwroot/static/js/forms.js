// What a person typed into a form marked data-keep-draft stays in this tab (sessionStorage) until the page that
// follows a successful send says so (data-draft-sent): a session that ended meanwhile (sign in again, come back)
// loses nothing. A draft belongs to the user who typed it (data-draft-owner): another user of the tab never sees it,
// and signing out forgets every draft. Passwords and hidden fields are never kept. Without script, forms work the
// same, without drafts.
(function () {
  'use strict';
  var main = document.querySelector('[data-draft-owner]');
  var owner = main ? main.getAttribute('data-draft-owner') : 'anyone';
  var keyOf = function (name) { return 'draft:' + owner + ':' + name; };
  document.querySelectorAll('form[data-sign-out]').forEach(function (form) {
    form.addEventListener('submit', function () {
      Object.keys(sessionStorage).filter(function (key) { return key.indexOf('draft:') === 0; }).forEach(function (key) {
        sessionStorage.removeItem(key);
      });
    });
  });
  var kept = function (field) {
    return field.name && field.type !== 'password' && field.type !== 'hidden' && field.type !== 'submit' && field.type !== 'file';
  };
  document.querySelectorAll('[data-draft-sent]').forEach(function (marker) {
    sessionStorage.removeItem(keyOf(marker.getAttribute('data-draft-sent')));
  });
  document.querySelectorAll('form[data-keep-draft]').forEach(function (form) {
    var key = keyOf(form.getAttribute('data-keep-draft'));
    var saved = sessionStorage.getItem(key);
    if (saved && !form.hasAttribute('data-draft-shown')) {
      var values = JSON.parse(saved);
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!kept(field) || !(field.name in values)) { return; }
        if (field.type === 'checkbox' || field.type === 'radio') {
          field.checked = values[field.name].indexOf(field.value) >= 0;
        } else {
          field.value = values[field.name][0];
        }
      });
    }
    var save = function () {
      var values = {};
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!kept(field)) { return; }
        values[field.name] = values[field.name] || [];
        if ((field.type !== 'checkbox' && field.type !== 'radio') || field.checked) {
          values[field.name].push(field.value);
        }
      });
      sessionStorage.setItem(key, JSON.stringify(values));
    };
    form.addEventListener('input', save);
    form.addEventListener('change', save);
  });
})();
