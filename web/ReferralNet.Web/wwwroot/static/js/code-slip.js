// The code slip's buttons: copy the code (the clipboard, then a word that it was copied) and print the slip (the page's
// print styles leave only the slip). Without script they stay hidden: the browser's own copy and print remain.
(function () {
  'use strict';
  document.querySelectorAll('[data-slip-actions]').forEach(function (actions) {
    var status = actions.querySelector('[data-copy-status]');
    actions.querySelector('[data-copy]').addEventListener('click', function (event) {
      var button = event.currentTarget;
      var code = document.getElementById(button.getAttribute('data-copy')).textContent.trim();
      navigator.clipboard.writeText(code).then(function () { status.textContent = button.getAttribute('data-copied'); });
    });
    actions.querySelector('[data-print]').addEventListener('click', function () { window.print(); });
    actions.hidden = false;
  });
})();
