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

  // when a rollout step's gates are read: "in 8 s", then "now" until the page shows the reading
  function eta() {
    document.querySelectorAll('time.eta[datetime]').forEach(function (t) {
      var at = Date.parse(t.getAttribute('datetime'));
      if (!isNaN(at)) {
        var left = (at - Date.now()) / 1000;
        t.textContent = left > 0 ? 'in ' + rough(left) : 'now';
      }
    });
  }

  // the start form shows only the chosen strategy's fields; a hidden group is also disabled, so
  // what is sent is what is seen (without script every group shows, and blank fields are defaults)
  function disclose(select) {
    document.querySelectorAll('fieldset[data-strategies]').forEach(function (group) {
      var on = group.getAttribute('data-strategies').split(' ').indexOf(select.value) >= 0;
      group.hidden = !on;
      group.disabled = !on;
    });
    document.querySelectorAll('.no-script-hint').forEach(function (p) { p.hidden = true; });
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
    document.querySelectorAll('select.disclose').forEach(function (s) {
      s.addEventListener('change', function () { disclose(s); });
      disclose(s);
    });
    tick();
    eta();
    setInterval(function () { tick(); eta(); }, 1000);
    poll();
  });
})();
