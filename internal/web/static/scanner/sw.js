// Service worker of the badge scanner: keeps the page and its scripts so
// the scanner opens with no network. Pages and scripts are fetched from the
// network first (fresh when online) and from the cache when offline; API
// calls are never cached (the app keeps its data in IndexedDB).
const CACHE = 'ketnoi-scanner-v1';
const SHELL = ['/static/app.css', '/static/scanner/app.js', '/static/scanner/scanner.css', '/static/scanner/jsQR.js', '/static/scanner/nacl-fast.min.js'];

self.addEventListener('install', (e) => {
  const page = new URL('./', self.location).pathname;
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL.concat([page]))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  e.respondWith(fetch(e.request).then((res) => {
    if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(e.request, copy)); }
    return res;
  }).catch(() => caches.match(e.request, { ignoreSearch: true })));
});
