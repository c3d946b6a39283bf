// Service worker of Beacon's browser collector (CollectorPage): serves the collector page, its bundle, the
// stylesheet and the link's form from the device when there is no network. It keeps nothing else: submissions
// (POST) always go to the network, and the waiting answers live in the page's IndexedDB queue, not here.
const CACHE = 'beacon-collector';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** The bundle's and the stylesheet's addresses change with their content: a kept copy is always the right one. */
function isImmutable(url) {
  return /\/web\/collector-[0-9a-f]+\.js$/.test(url.pathname) || url.pathname.startsWith('/static/');
}

/** What the collector needs offline: its page, bundle and form, and the stylesheet. */
function isKept(url) {
  const link = new URL(self.registration.scope).pathname;
  return url.pathname.startsWith('/static/') || url.pathname === `${link}web`
    || url.pathname.startsWith(`${link}web/collector-`)
    || (url.pathname.startsWith(`${link}forms/`) && url.pathname.endsWith('/form.xml'));
}

async function fromCacheFirst(request) {
  const kept = await caches.match(request, { ignoreVary: true });
  if (kept) {
    return kept;
  }
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** The network's copy while there is one (a new form version, a language change), the kept copy otherwise. */
async function fromNetworkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(request, { ignoreVary: true });
    if (kept) {
      return kept;
    }
    throw offline;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !isKept(url)) {
    return;
  }
  event.respondWith(isImmutable(url) ? fromCacheFirst(event.request) : fromNetworkFirst(event.request));
});
