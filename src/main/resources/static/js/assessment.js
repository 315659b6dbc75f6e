// Live score and level preview of the risk assessment form (case page). A static file, no inline
// script, so a strict Content-Security-Policy (script-src 'self') allows it. The server computes
// the level that counts; this is a preview with the same rule: the sum of the chosen options'
// weights against the thresholds, then the overrides ("at least HIGH when ..."). All texts come
// from the page (message bundles), none from here.
(function () {
  'use strict';
  var form = document.getElementById('assessment-form');
  var out = document.getElementById('assessment-preview');
  if (!form || !out) {
    return;
  }
  var order = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  var overrides = JSON.parse(form.dataset.overrides || '[]');
  var labels = JSON.parse(form.dataset.levels || '{}');
  var medium = Number(form.dataset.medium), high = Number(form.dataset.high), critical = Number(form.dataset.critical);

  function answers() {
    var chosen = {};
    form.querySelectorAll('input[data-item]').forEach(function (input) {
      if (input.type === 'hidden' || input.checked) {
        chosen[input.dataset.item] = { option: input.value, weight: Number(input.dataset.weight) };
      }
    });
    return chosen;
  }

  function items() {
    var codes = {};
    form.querySelectorAll('input[data-item]').forEach(function (input) { codes[input.dataset.item] = true; });
    return Object.keys(codes);
  }

  function update() {
    var chosen = answers();
    var score = 0;
    Object.keys(chosen).forEach(function (code) { score += chosen[code].weight; });
    var level = score >= critical ? 'CRITICAL' : score >= high ? 'HIGH' : score >= medium ? 'MEDIUM' : 'LOW';
    overrides.forEach(function (o) {
      var matches = o.items.filter(function (code) {
        return chosen[code] && o.answers.indexOf(chosen[code].option) >= 0;
      }).length;
      if (matches >= (o.minMatches || 1) && order.indexOf(o.atLeast) > order.indexOf(level)) {
        level = o.atLeast;
      }
    });
    var missing = items().length - Object.keys(chosen).length;
    // an item answered since the server's refusal no longer shows its "unanswered" mark
    Object.keys(chosen).forEach(function (code) {
      var mark = document.getElementById('error-' + code);
      if (mark) {
        mark.hidden = true;
      }
    });
    // no level while items are unanswered: a partial score is not a rating
    out.textContent = missing > 0
      ? form.dataset.partial.replace('{score}', score).replace('{missing}', missing)
      : form.dataset.preview.replace('{score}', score).replace('{level}', labels[level] || level);
    out.dataset.level = missing > 0 ? '' : level;
    out.dataset.score = String(score);
    out.dataset.missing = String(missing);
  }

  form.addEventListener('change', update);
  update();
}());
