// The field terminal's service worker (scope "/"). It keeps only the offline app's shell — static files with no
// personal data — so the app opens with no signal; a page the phone cannot reach falls back to that shell. It never
// stores a page or an API answer: the officer's day lives in IndexedDB (offline/store.js), cleared at logout.
const SHELL = 'zhifa-offline-shell-v2';
const FILES = [
  '/offline/app.html',
  '/offline/app.js',
  '/offline/store.js',
  '/offline/uscc.js',
  '/offline/offline.css',
  '/offline/manifest.json',
  '/offline/icon-192.png',
  '/webjars/bootstrap/css/bootstrap.min.css',
  '/css/zhifa.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('zhifa-offline') && n !== SHELL).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (FILES.includes(url.pathname)) {
    // the shell: the network first (a new version after a deployment), the kept copy without a signal
    event.respondWith(fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(SHELL).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    }).catch(() => caches.match(url.pathname, { ignoreSearch: true })));
    return;
  }
  if (request.mode === 'navigate') {
    // any page without a signal opens the offline app; pages themselves are never stored
    event.respondWith(fetch(request).catch(() => caches.match('/offline/app.html')));
  }
});
