// Evidence upload on the case page with a progress bar (docs/domain.md §3.4): the form posts as usual
// without script; with it, the same request goes through XMLHttpRequest so the bar can follow the
// upload on a phone's slow line, then the page reloads to show the file (or the refusal).
(function () {
  'use strict';
  var form = document.getElementById('evidence-form');
  var bar = document.getElementById('evidence-progress');
  if (!form || !bar || !window.FormData) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    bar.hidden = false;
    bar.value = 0;
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
      }
    });
    request.addEventListener('loadend', function () {
      window.location.assign(request.responseURL || window.location.href);
    });
    request.send(new FormData(form));
  });
}());
