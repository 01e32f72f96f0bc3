// Live check-in dashboard: redraws its bar charts from server-sent events.
(function () {
  'use strict';
  const root = document.getElementById('checkin-dashboard');
  const $ = (id) => document.getElementById(id);
  const L = JSON.parse(($('dash-labels') || {}).textContent || '{}');
  // named puts the reader's words on a chart's keys (a category, a scan
  // point), the key itself where there are none.
  const named = (prefix, pairs) => pairs.map(([k, n]) => [L[prefix + k] || k, n]);
  function bars(el, pairs) {
    const max = Math.max(1, ...pairs.map((p) => p[1]));
    el.innerHTML = '';
    for (const [k, n] of pairs) {
      const row = document.createElement('div');
      row.className = 'live-bar';
      const label = document.createElement('span'); label.textContent = k;
      const track = document.createElement('span');
      const fill = document.createElement('span'); fill.className = 'fill'; fill.style.width = (100 * n / max) + '%';
      track.appendChild(fill);
      const num = document.createElement('span'); num.textContent = String(n);
      row.append(label, track, num);
      el.appendChild(row);
    }
  }
  const sorted = (m) => Object.entries(m || {}).sort((a, b) => a[0].localeCompare(b[0]));
  function draw(st) {
    $('dash-admitted').textContent = st.admitted;
    $('dash-conflicts').textContent = st.conflicts;
    $('dash-forced').textContent = st.forced;
    $('dash-rejected').textContent = st.rejected;
    bars($('dash-inside'), sorted(st.inside));
    bars($('dash-quarters'), st.quarters.map((q) => [q.start, q.n]));
    bars($('dash-gates'), named('gate.', sorted(st.by_gate)));
    bars($('dash-halls'), sorted(st.by_hall));
    bars($('dash-categories'), named('category.', sorted(st.by_category)));
  }
  const es = new EventSource(root.dataset.stream);
  es.addEventListener('stats', (e) => { $('dash-live').textContent = '●'; draw(JSON.parse(e.data)); });
  es.onerror = () => { $('dash-live').textContent = '○'; };
})();
