// A page that shows what changes (a worker's offers and tasks) listens to its agency's live events and, on each,
// fetches itself again and puts the new lists in place, with a short notice for screen readers. Without script the
// page is the same; it is reloaded by hand.
(function () {
  'use strict';
  var kinds = ['offer-received', 'offer-answered', 'offer-expired', 'task-due', 'case-escalated'];
  document.querySelectorAll('[data-live-events]').forEach(function (notice) {
    var target = document.querySelector(notice.getAttribute('data-live-refresh'));
    var refresh = function () {
      fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector(notice.getAttribute('data-live-refresh'));
          if (fresh && target) {
            target.replaceChildren.apply(target, Array.prototype.slice.call(fresh.childNodes));
          }
          notice.textContent = notice.getAttribute('data-live-text');
        })
        .catch(function () { notice.textContent = notice.getAttribute('data-live-text'); });
    };
    var source = new EventSource(notice.getAttribute('data-live-events'));
    kinds.forEach(function (kind) { source.addEventListener(kind, refresh); });
  });
})();
