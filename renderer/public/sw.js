// Bureau's offline shell for the browser (Electron loads the app from disk and does not use
// it). It keeps the app's own files, never data: documents live in IndexedDB, and /api and
// /socket.io always go to the network. So a user who signed in once can reopen the app with
// no server at all, as in the desktop app.
const CACHE = 'bureau-shell-v2';
const INDEX = './index.html';

/** @param {string} html */
function assetsOf(html) {
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => `./${m[1]}`);
}

/** Every file of the build (asset-list.json, written by vite.config.ts), or none if absent. */
async function buildFiles() {
  try {
    const res = await fetch('./asset-list.json', { cache: 'no-store' });
    const list = res.ok ? await res.json() : [];
    return Array.isArray(list) ? list.filter((f) => typeof f === 'string' && f.startsWith('./assets/')) : [];
  } catch {
    return [];
  }
}

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch(INDEX, { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.addAll(assetsOf(html));
  await cache.put(INDEX, res);
  // Chunks loaded on demand, kept too, but never at the cost of the install.
  await Promise.all((await buildFiles()).map(async (url) => (await cache.match(url)) ?? cache.add(url).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The page itself: the newest from the server when it answers, else the kept copy. */
async function navigation(request) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) {
      await cache.put(INDEX, res.clone());
      // A new version's files, fetched now so they are there when the LAN is not.
      const html = await res.clone().text();
      const files = [...new Set([...assetsOf(html), ...(await buildFiles())])];
      await Promise.all(files.map(async (url) => (await cache.match(url)) ?? cache.add(url).catch(() => undefined)));
    }
    return res;
  } catch {
    return (await cache.match(INDEX)) ?? Response.error();
  }
}

/** Hashed assets never change: the kept copy first. */
async function asset(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/socket.io/')) return;
  if (request.mode === 'navigate') event.respondWith(navigation(request));
  else if (url.pathname.includes('/assets/')) event.respondWith(asset(request));
});
