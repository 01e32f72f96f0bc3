// ketnoi badge scanner: works on a phone, offline. It verifies badge
// signatures locally (WebCrypto Ed25519, else tweetnacl), decides with the
// lists' rules it downloaded, keeps the scans it admitted offline in
// IndexedDB and sends them, with their client-made UUIDs, when the network
// is back; the server stores each UUID once.
(function () {
  'use strict';
  const root = document.getElementById('scanner');
  const EV = Number(root.dataset.event);
  const T = JSON.parse(document.getElementById('scanner-i18n').textContent);
  const API = '/api/v1/events/' + EV;
  const DOMAIN = new TextEncoder().encode('ketnoi-badge-v1\0');
  const $ = (id) => document.getElementById(id);
  let cfg = null;
  const keys = {};

  // IndexedDB: config, queued scans, local badge state per list.
  const dbp = new Promise((resolve, reject) => {
    const req = indexedDB.open('ketnoi-scanner', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('kv');
      db.createObjectStore('queue', { keyPath: 'id' });
      db.createObjectStore('state');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  async function idb(store, mode, fn) {
    const db = await dbp;
    return new Promise((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = fn(tx.objectStore(store));
      tx.oncomplete = () => resolve(req && req.result);
      tx.onerror = () => reject(tx.error);
    });
  }
  const get = (store, k) => idb(store, 'readonly', (s) => s.get(k));
  const put = (store, v, k) => idb(store, 'readwrite', (s) => s.put(v, k));
  const del = (store, k) => idb(store, 'readwrite', (s) => s.delete(k));
  const all = (store) => idb(store, 'readonly', (s) => s.getAll());

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function b64(s, url) {
    if (url) { s = s.replace(/-/g, '+').replace(/_/g, '/'); while (s.length % 4) s += '='; }
    const bin = atob(s);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  }

  // parse reads a token exactly as internal/badge does.
  function parse(tok) {
    if (!tok.startsWith('KN1.')) throw 'malformed_badge';
    let raw;
    try { raw = b64(tok.slice(4), true); } catch (e) { throw 'malformed_badge'; }
    if (raw.length <= 64 || raw.length > 192) throw 'malformed_badge';
    const p = raw.slice(0, raw.length - 64), sig = raw.slice(raw.length - 64);
    let i = 0;
    const byte = () => { if (i >= p.length) throw 'malformed_badge'; return p[i++]; };
    const uv = () => {
      let x = 0n, shift = 0n;
      for (let k = 0; k < 10; k++) {
        const b = BigInt(byte());
        x |= (b & 0x7fn) << shift;
        if (b < 0x80n) return x;
        shift += 7n;
      }
      throw 'malformed_badge';
    };
    if (byte() !== 1) throw 'malformed_badge';
    const kid = Number(uv()), ev = Number(uv()), reg = Number(uv()), ver = Number(uv());
    const n = byte();
    if (i + n > p.length) throw 'malformed_badge';
    const cat = new TextDecoder().decode(p.slice(i, i + n)); i += n;
    const first = uv(), mask = uv();
    if (i !== p.length) throw 'malformed_badge';
    const days = [];
    for (let b = 0n; b < 64n; b++) {
      if (mask & (1n << b)) days.push(new Date(Number(first + b) * 86400000).toISOString().slice(0, 10));
    }
    return { kid, ev, reg, ver, cat, days, payload: p, sig };
  }

  async function importKeys() {
    for (const [kid, pub] of Object.entries(cfg.keys)) {
      const raw = b64(pub, false);
      let ck = null;
      try { ck = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']); } catch (e) { ck = null; }
      keys[kid] = { raw, ck };
    }
  }

  async function verify(c) {
    const k = keys[String(c.kid)];
    if (!k) return false;
    const msg = new Uint8Array(DOMAIN.length + c.payload.length);
    msg.set(DOMAIN); msg.set(c.payload, DOMAIN.length);
    if (k.ck) {
      try { return await crypto.subtle.verify({ name: 'Ed25519' }, k.ck, c.sig, msg); } catch (e) { /* fall back */ }
    }
    return window.nacl.sign.detached.verify(msg, c.sig, k.raw);
  }

  // dayAt is the civil date of an instant in the venue's time zone (sent
  // with the config), as checkin.DayAt finds it on the server: badges and
  // lists name civil dates, so "wrong day" holds in any zone, whatever
  // zone the phone is set to.
  function dayAt(ms, zone) {
    const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    const part = (type) => f.formatToParts(new Date(ms)).find((p) => p.type === type).value;
    return part('year') + '-' + part('month') + '-' + part('day');
  }
  window.ketnoiDayAt = dayAt;

  function today() {
    try { return dayAt(Date.now(), cfg.time_zone || 'Asia/Ho_Chi_Minh'); } catch (e) { return cfg.today; }
  }

  // decide mirrors checkin.Decide with what this scanner knows.
  async function decide(c, kind, point) {
    if (c.ev !== EV) return { reason: 'wrong_event' };
    if (!(await verify(c))) return { reason: 'bad_signature' };
    const rv = (cfg.revocations || []).find((r) => r.registration_id === c.reg);
    if (rv && rv.cancelled) return { reason: 'cancelled' };
    if (rv && c.ver < rv.min_version) return { reason: 'revoked' };
    if (kind === 'lead') return { reason: '' };
    const day = today();
    if (c.days.length && !c.days.includes(day)) return { reason: 'wrong_day' };
    const gate = cfg.gates.find((g) => g.code === point);
    if (!gate) return { reason: 'unknown_point' };
    const list = cfg.lists.find((l) => l.id === gate.list_id);
    const key = list.id + ':' + c.reg;
    const st = (await get('state', key)) || { inside: false, day: '', dayCount: 0, total: 0 };
    const insideToday = st.inside && st.day === day;
    let reason = '';
    if (kind === 'checkout') {
      if (!insideToday) reason = 'not_inside';
    } else {
      if (list.categories.length && !list.categories.includes(c.cat)) reason = 'category_not_allowed';
      else if (list.days.length && !list.days.includes(day)) reason = 'wrong_day';
      else if (list.rule === 'once' && st.total > 0) reason = 'already_used';
      else if (list.rule === 'daily' && st.day === day && st.dayCount > 0) reason = 'already_used_today';
      else if (list.rule === 'reentry' && insideToday) reason = 'already_inside';
    }
    return { reason, key, st, day };
  }

  async function remember(d, kind) {
    if (!d.key) return;
    const st = d.st;
    if (kind === 'checkout') st.inside = false;
    else { if (st.day !== d.day) { st.day = d.day; st.dayCount = 0; } st.inside = true; st.dayCount++; st.total++; }
    await put('state', st, d.key);
  }

  function show(ok, text, extra) {
    const r = $('result');
    r.className = 'scan-result ' + (ok ? 'ok' : 'bad');
    r.textContent = text + (extra ? ' · ' + extra : '');
    r.dataset.state = ok ? 'ok' : 'bad';
    if (navigator.vibrate) navigator.vibrate(ok ? 60 : [80, 60, 80]);
  }
  const reasonText = (r) => T['reason.' + r] || r;

  async function queueCount() {
    const q = await all('queue');
    $('queue').textContent = String(q.length);
    root.dataset.queued = String(q.length);
    return q;
  }

  function setNet(on) {
    $('net').textContent = on ? T.online : T.offline;
    $('net').className = 'net ' + (on ? 'on' : 'off');
  }

  async function post(body, timeout) {
    const ctl = new AbortController();
    const t = setTimeout(() => ctl.abort(), timeout);
    try {
      const res = await fetch(API + '/scans', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: ctl.signal, credentials: 'same-origin' });
      if (!res.ok) { const e = new Error('HTTP ' + res.status); e.status = res.status; throw e; }
      return await res.json();
    } finally { clearTimeout(t); }
  }

  let syncing = false;
  async function sync() {
    if (syncing) return;
    syncing = true;
    try {
      const q = await queueCount();
      if (!q.length) return;
      const out = await post({ scans: q.slice(0, 500) }, 15000);
      for (const o of out.results) await del('queue', o.id);
      setNet(true);
      await queueCount();
      reportSync(out.results);
    } catch (e) {
      setNet(false);
    } finally { syncing = false; }
  }

  // reportSync tells the staff what became of the scans made offline: the
  // admissions stand, but the server keeps a badge admitted twice
  // (conflict), one admitted against a rule (forced) or one it refused for
  // the organizer, who sees them on the check-in dashboard.
  let synced = 0, attention = 0;
  function reportSync(results) {
    if (!results.length) return;
    synced += results.length;
    attention += results.filter((o) => o.status === 'rejected' || o.result === 'conflict' || o.result === 'forced').length;
    const el = $('sync-report');
    el.textContent = T.synced.replace('%d', synced) + (attention ? ' ' + T.attention.replace('%d', attention) : '');
    el.className = 'sync-report' + (attention ? ' warn' : '');
    el.dataset.synced = String(synced);
    el.dataset.attention = String(attention);
    el.hidden = false;
  }

  // A registration code (1042-K7QX9M) or badge number (#1042-3) typed
  // into the wedge goes the way of the typed-code field.
  const typedCode = /^#?\s*\d+\s*-\s*[0-9A-Za-z]{1,6}$/;

  async function handle(tok) {
    tok = tok.trim();
    if (!tok) return;
    if (!cfg) { show(false, T.noconfig); return; }
    if (!tok.startsWith('KN1.') && typedCode.test(tok)) { await byHand({ code: tok }); return; }
    const kind = $('kind').value, point = $('point').value;
    const scan = { id: uuid(), token: tok, point: kind === 'lead' ? '' : point, kind, scanned_at: new Date().toISOString() };
    if (kind === 'lead') {
      scan.exhibitor = Number($('exhibitor').value);
      scan.rating = Number($('rating').value || 0);
      const note = $('note').value.trim();
      if (note) scan.note = note;
    }
    let c, d;
    try { c = parse(tok); d = await decide(c, kind, point); } catch (e) { show(false, reasonText(typeof e === 'string' ? e : 'malformed_badge')); return; }
    if (navigator.onLine) {
      try {
        const o = await post(scan, 4000);
        setNet(true);
        if (o.status === 'accepted') await remember(d, kind);
        answer(o, kind);
        return;
      } catch (e) { setNet(false); }
    }
    // Offline: the local decision stands; an admission is queued.
    if (d.reason) { show(false, reasonText(d.reason), T.offline); return; }
    scan.offline = true;
    await put('queue', scan);
    await remember(d, kind);
    show(true, done(kind), T.offline);
    leadDone(kind);
    await queueCount();
  }

  // answer shows the server's answer to a scan: green or red, with the
  // badge's category beside it for the staff to compare with the person
  // in front of them.
  function answer(o, kind) {
    const ok = o.status !== 'rejected';
    const extra = [o.status === 'duplicate' ? T.duplicate : '', T['category.' + o.category] || ''].filter(Boolean).join(' · ');
    show(ok, ok ? done(kind) : reasonText(o.reason), extra);
    if (ok) leadDone(kind);
  }

  // byHand posts a scan that names the registration instead of carrying
  // a badge: ref is {code} typed or {registration} picked from a search.
  // Only the server can check it, so it is never queued: offline, the
  // staff are told that nothing was recorded.
  async function byHand(ref) {
    if (!cfg) { show(false, T.noconfig); return false; }
    const kind = $('kind').value, point = $('point').value;
    if (kind === 'lead' || !cfg.gatekeeper) { show(false, T.hand_gate); return false; }
    if (!navigator.onLine) { setNet(false); show(false, T.hand_offline); return false; }
    const scan = Object.assign({ id: uuid(), point, kind, scanned_at: new Date().toISOString() }, ref);
    let o;
    try {
      o = await post(scan, 8000);
    } catch (e) {
      if (e.status === 401 || e.status === 403) show(false, T.signin);
      else if (e.status) show(false, T.error);
      else { setNet(false); show(false, T.hand_offline); }
      return false;
    }
    setNet(true);
    if (o.status === 'accepted' && o.registration_id) await rememberHand(o.registration_id, kind, point);
    answer(o, kind);
    return o.status !== 'rejected';
  }

  // rememberHand keeps the local state of a badge admitted by hand, so
  // that its QR scanned offline later is decided knowing it.
  async function rememberHand(reg, kind, point) {
    const gate = cfg.gates.find((g) => g.code === point);
    if (!gate) return;
    const key = gate.list_id + ':' + reg;
    const st = (await get('state', key)) || { inside: false, day: '', dayCount: 0, total: 0 };
    await remember({ key, st, day: today() }, kind);
  }

  async function submitCode(e) {
    e.preventDefault();
    const v = $('code').value.trim();
    if (!v) { show(false, T.nocode); return; }
    if (await byHand({ code: v })) $('code').value = '';
  }

  // search asks the server for registrations by name, email, phone or
  // organization and lists them as buttons; a tap enters that one.
  async function search(e) {
    e.preventDefault();
    const q = $('q').value.trim(), list = $('matches'), note = $('matches-note');
    list.innerHTML = ''; note.textContent = '';
    if ([...q].length < 2) { note.textContent = T.short; return; }
    if (!navigator.onLine) { setNet(false); note.textContent = T.hand_offline; return; }
    let res;
    try {
      res = await fetch(API + '/scanner/search?q=' + encodeURIComponent(q), { credentials: 'same-origin' });
    } catch (err) { setNet(false); note.textContent = T.hand_offline; return; }
    setNet(true);
    if (res.status === 422) { note.textContent = T.badsearch; return; }
    if (res.status === 429) { note.textContent = T.toomany; return; }
    if (res.status === 401 || res.status === 403) { note.textContent = T.signin; return; }
    let out;
    try {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      out = await res.json();
    } catch (err) { note.textContent = T.error; return; }
    if (!out.items.length) { note.textContent = T.none; return; }
    if (out.total > out.items.length) note.textContent = T.more;
    for (const m of out.items) list.appendChild(matchItem(m));
  }

  function matchItem(m) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.registration = String(m.registration_id);
    const name = document.createElement('b');
    name.textContent = m.name;
    const sub = document.createElement('small');
    const cancelled = m.status !== 'active';
    sub.textContent = [m.organization, m.job_title, T['category.' + m.category] || m.category, m.badge, cancelled ? reasonText('cancelled') : '']
      .filter(Boolean).join(' · ');
    if (cancelled) b.classList.add('cancelled');
    b.append(name, sub);
    b.addEventListener('click', async () => {
      if (await byHand({ registration: m.registration_id })) { $('matches').innerHTML = ''; $('q').value = ''; }
    });
    li.appendChild(b);
    return li;
  }

  // done names what an accepted scan did: a lead saved, an exit, an entry.
  const done = (kind) => kind === 'lead' ? T.lead_saved : kind === 'checkout' ? T.exited : T.admitted;

  // leadDone clears a saved lead's note and rating, which belong to that
  // visitor and not to the next one scanned.
  function leadDone(kind) {
    if (kind !== 'lead') return;
    $('note').value = '';
    $('rating').value = '0';
  }

  function fillForm() {
    const pt = $('point');
    pt.innerHTML = '';
    for (const g of cfg.gates) {
      const o = document.createElement('option');
      // Two points of one gate share its name: the point's code tells them apart.
      o.value = g.code; o.textContent = g.name && g.name !== g.code ? g.name + ' · ' + g.code : g.code;
      pt.appendChild(o);
    }
    const saved = localStorage.getItem('ketnoi-point-' + EV);
    if (saved && cfg.gates.some((g) => g.code === saved)) pt.value = saved;
    const ex = $('exhibitor');
    ex.innerHTML = '';
    for (const x of cfg.exhibitors) {
      const o = document.createElement('option');
      o.value = String(x); o.textContent = (cfg.exhibitor_names || {})[x] || '#' + x;
      ex.appendChild(o);
    }
    const kind = $('kind');
    // Exhibitors' staff scan leads only: entry and exit are the gates'.
    if (!cfg.gatekeeper) for (const o of [...kind.options]) if (o.value !== 'lead') o.remove();
    if (!cfg.gatekeeper && cfg.exhibitors.length) kind.value = 'lead';
    modeChanged();
    // Nothing to scan for yet: say so, rather than look ready.
    if (!cfg.gates.length && !cfg.exhibitors.length) show(false, T.nopoints);
    root.dataset.ready = 'true';
  }

  function modeChanged() {
    const lead = $('kind').value === 'lead';
    $('lead-fields').hidden = !lead;
    $('gate-fields').hidden = lead;
    // Entry by hand is the gate staff's: exhibitors scan leads only.
    $('hand-fields').hidden = lead || !cfg || !cfg.gatekeeper;
  }

  async function loadConfig() {
    try {
      const res = await fetch(API + '/scanner', { credentials: 'same-origin' });
      if (res.status === 401 || res.status === 403) { show(false, T.signin); }
      if (!res.ok) throw new Error('HTTP ' + res.status);
      cfg = await res.json();
      await put('kv', cfg, 'cfg:' + EV);
      setNet(true);
    } catch (e) {
      cfg = (await get('kv', 'cfg:' + EV)) || null;
      if (!cfg) { show(false, T.noconfig); return; }
      setNet(false);
    }
    await importKeys();
    fillForm();
  }

  // Camera: BarcodeDetector where the browser has it, else jsQR.
  async function camera() {
    const video = $('video');
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream; video.hidden = false;
    await video.play();
    const det = ('BarcodeDetector' in window) ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let last = '', lastAt = 0;
    const tick = async () => {
      let text = '';
      if (det) {
        const codes = await det.detect(video).catch(() => []);
        if (codes.length) text = codes[0].rawValue;
      } else if (video.videoWidth) {
        canvas.width = video.videoWidth; canvas.height = video.videoHeight;
        ctx.drawImage(video, 0, 0);
        const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const code = window.jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
        if (code) text = code.data;
      }
      // The same badge held in front of the camera is one scan.
      if (text && (text !== last || Date.now() - lastAt > 3000)) { last = text; lastAt = Date.now(); await handle(text); }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  $('wedge').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const v = e.target.value;
    e.target.value = '';
    handle(v);
  });
  $('kind').addEventListener('change', modeChanged);
  $('code-form').addEventListener('submit', submitCode);
  $('search-form').addEventListener('submit', search);
  $('point').addEventListener('change', (e) => localStorage.setItem('ketnoi-point-' + EV, e.target.value));
  $('start-camera').addEventListener('click', () => camera().catch((e) => show(false, T.nocamera, String(e))));
  window.addEventListener('online', () => { setNet(true); sync(); });
  window.addEventListener('offline', () => setNet(false));
  setInterval(sync, 5000);
  setInterval(() => { if (navigator.onLine) loadConfig(); }, 60000); // fresh revocations
  if ('serviceWorker' in navigator) navigator.serviceWorker.register(root.dataset.sw).catch(() => {});
  const link = document.createElement('link');
  link.rel = 'manifest'; link.href = root.dataset.manifest;
  document.head.appendChild(link);
  loadConfig().then(queueCount).then(sync);
  $('wedge').focus();
})();
