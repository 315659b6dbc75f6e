// The intake form's "already on record?" panel (docs/domain.md §3.5, §8): while the child's name and
// birth date are typed, asks the server for children on record by that name (pinyin and initials too)
// and shows the masked rows it renders, with their family's history counts. A static file, no inline
// script (Content-Security-Policy); every text comes from the server's fragment.
(function () {
  'use strict';
  var panel = document.getElementById('similar-children');
  var name = document.getElementById('childName');
  var birth = document.getElementById('childBirthDate');
  if (!panel || !name) {
    return;
  }
  var timer = null;
  var asked = '';

  function ask() {
    var query = 'name=' + encodeURIComponent(name.value.trim())
        + '&birthDate=' + encodeURIComponent(birth ? birth.value : '');
    if (query === asked) {
      return;
    }
    asked = query;
    if (name.value.trim().length < 2) {
      panel.innerHTML = '';
      return;
    }
    fetch(panel.dataset.url + '?' + query, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : ''; })
      .then(function (html) {
        if (query === asked) {
          panel.innerHTML = html;
        }
      })
      .catch(function () { /* the panel is a help, never a condition of filing */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }

  name.addEventListener('input', later);
  if (birth) {
    birth.addEventListener('change', later);
  }
}());
