// Cultivate's service worker: keeps the app shell in the browser so that the app loads and
// works with the network off, after one online visit.
//
// - Every build has its own cache, `cultivate-<BUILD>`. `scripts/sw-precache.mjs` (a trunk
//   post_build hook, see Trunk.toml) writes the build's version and its file list into the
//   copy of this file in `dist/`; the two placeholders below are what it replaces.
// - A new build installs next to the running one and then WAITS: it never takes over a page
//   that is open on its own. The page shows "Update available — reload"; only when the user
//   clicks it does the page post SKIP_WAITING, and the page reloads on the new version.
// - The previous build's cache is kept when a new one activates, so a tab still open on
//   the old version can still fetch its old (hashed) files; older caches are deleted.
// - All URLs are relative to the registration scope, so the app works under a sub-path
//   (`trunk build --public-url /cultivate/`): nothing here assumes the site root.
//
// Your data is never in here: workspaces live in localStorage, which this file never touches.

const BUILD = '__CULTIVATE_BUILD__';
const FILES = ['__CULTIVATE_FILES__'];

const PREFIX = 'cultivate-';
const CACHE = `${PREFIX}${BUILD}`;
const SCOPE = new URL(self.registration.scope);
/** The app shell: the scope itself serves index.html on every static host. */
const SHELL = new URL('./', SCOPE).href;

function inScope(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
}

/** A copy of `response` that is not marked as redirected (a redirected response may not
 *  answer a navigation), for hosts that redirect `/app/` to `/app/index.html` or back. */
async function clean(response) {
  if (!response.redirected) return response;
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const urls = [SHELL, ...FILES.map((f) => new URL(f, SCOPE).href)];
      // `cache: 'reload'` skips the HTTP cache, so a host's caching headers cannot mix an
      // older file into this build's cache.
      await Promise.all(
        urls.map(async (url) => {
          const response = await fetch(new Request(url, { cache: 'reload' }));
          if (!response.ok) throw new Error(`${url}: ${response.status}`);
          await cache.put(url, await clean(response));
        }),
      );
    })(),
  );
  // No skipWaiting() here: see the top of this file.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Keep this build and the one before it (caches.keys() lists in creation order).
      const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
      const drop = ours.slice(0, -1);
      await Promise.all(drop.map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

/** `request` from this build's cache, else from any kept build's cache. */
async function cached(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || (await caches.match(request));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!inScope(url)) return;

  if (request.mode === 'navigate') {
    // A page of the app (any route): the shell of this build. A link to a real file that
    // is not part of the app (it has a file extension) goes to the network as usual.
    const last = url.pathname.slice(SCOPE.pathname.length).split('/').pop();
    if (last.includes('.') && last !== 'index.html') return;
    event.respondWith(
      (async () => (await cached(SHELL)) || fetch(request))(),
    );
    return;
  }

  event.respondWith(
    (async () => {
      const hit = await cached(request);
      if (hit) return hit;
      const response = await fetch(request);
      // Keep what the page needed and the file list missed (same origin, complete answers).
      if (response.ok && response.status === 200 && response.type === 'basic') {
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((c) => c.put(request, copy)));
      }
      return response;
    })(),
  );
});
