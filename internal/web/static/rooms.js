// Live room counts: each session's room count and colour follow the
// server-sent events of the event's scans.
(function () {
  'use strict';
  const root = document.getElementById('rooms-live');
  const status = document.getElementById('rooms-status');
  function draw(rooms) {
    for (const el of root.querySelectorAll('.room-session')) {
      const c = rooms[el.dataset.room];
      if (!c || !c.counted) continue; // no entrance scans this room: nothing to show
      el.dataset.level = c.level;
      el.querySelector('.inside').textContent = String(c.inside);
      el.querySelector('.capacity').textContent = c.capacity ? String(c.capacity) : '–';
      const state = el.querySelector('.state');
      state.textContent = state.dataset[c.level] || '';
      const meter = el.querySelector('.meter');
      meter.setAttribute('aria-valuenow', String(c.pct));
      meter.querySelector('i').style.width = c.pct + '%';
    }
  }
  const es = new EventSource(root.dataset.stream);
  es.addEventListener('rooms', (e) => { status.textContent = '●'; draw(JSON.parse(e.data).rooms); });
  es.onerror = () => { status.textContent = '○'; };
})();
