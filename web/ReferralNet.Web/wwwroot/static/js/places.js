// A town field (input[data-places]) offers the register's places as the reader types: the network's search, at most
// one request in flight per pause in typing, its answers as the field's list. Each choice's value is the place's name
// with its prefecture (東京都 世田谷区), which the network reads back as exactly that place; its label the reading in
// the page's language. Without script the field is plain text and the network reads what was typed.
(function () {
  'use strict';
  document.querySelectorAll('input[data-places]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('list'));
    var english = input.getAttribute('data-places') === 'en';
    var timer = null;
    var asked = '';
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length === 0 || q === asked) { return; }
        asked = q;
        fetch('/api/matching/municipalities?limit=8&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : { items: [] }; })
          .then(function (found) {
            if (asked !== q) { return; }
            list.replaceChildren.apply(list, found.items.map(function (place) {
              var option = document.createElement('option');
              option.value = place.prefecture + ' ' + place.name;
              option.label = english ? place.romaji : place.kana;
              return option;
            }));
          })
          .catch(function () { /* the field still takes what was typed */ });
      }, 200);
    });
  });
})();
