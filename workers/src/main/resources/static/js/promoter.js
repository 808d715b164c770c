// The few things the pages do in the browser; every page works without them.
(function () {
  'use strict';

  function rough(seconds) {
    if (seconds <= 0) return 'expired';
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600),
        m = Math.floor(seconds % 3600 / 60);
    if (d > 0) return d + ' d ' + h + ' h';
    if (h > 0) return h + ' h ' + m + ' min';
    if (m > 0) return m + ' min';
    return Math.floor(seconds) + ' s';
  }

  // countdowns to an approval's expiry
  function tick() {
    document.querySelectorAll('time.countdown[datetime]').forEach(function (t) {
      var at = Date.parse(t.getAttribute('datetime'));
      if (!isNaN(at)) {
        var left = (at - Date.now()) / 1000;
        t.textContent = rough(left);
        t.classList.toggle('soon', left > 0 && left < 3600);
        t.classList.toggle('expired', left <= 0);
      }
    });
  }

  // a running run's page replaces its live part with a fresh copy until the run stops moving
  function poll() {
    var live = document.getElementById('live');
    var url = live && live.getAttribute('data-poll');
    if (!url) return;
    setTimeout(function () {
      fetch(url, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.getElementById('live');
          if (fresh) {
            live.replaceWith(fresh);
          }
          poll();
        })
        .catch(function () { setTimeout(poll, 5000); });
    }, 2000);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('select.autosubmit').forEach(function (s) {
      s.addEventListener('change', function () { s.form.submit(); });
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (f) {
      f.addEventListener('submit', function (e) {
        if (!window.confirm(f.getAttribute('data-confirm'))) e.preventDefault();
      });
    });
    tick();
    setInterval(tick, 1000);
    poll();
  });
})();
