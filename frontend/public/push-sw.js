/**
 * Web Push in the service worker, imported by the generated one (vite.config.ts, workbox
 * importScripts). Shows each push grouped by its tag, opens or focuses the app on its url when
 * tapped, and keeps the app badge at the number of notifications shown.
 */
/* global self */

const updateBadge = async () => {
  if (!('setAppBadge' in self.navigator)) return;
  const shown = await self.registration.getNotifications();
  await (
    shown.length ? self.navigator.setAppBadge(shown.length) : self.navigator.clearAppBadge()
  ).catch(() => undefined);
};

/** Only app paths: a payload never sends the user to another origin. */
const appUrl = (url) => {
  const target = new URL(typeof url === 'string' ? url : '/', self.location.origin);
  return target.origin === self.location.origin ? target : new URL('/', self.location.origin);
};

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { title: 'spotlight.cam', body: event.data ? event.data.text() : '' };
  }
  const url = appUrl(data.url);
  event.waitUntil(
    self.registration
      .showNotification(data.title || 'spotlight.cam', {
        body: data.body || '',
        tag: data.tag || undefined,
        // A replacement (same tag) still tells the user: a new message in the same chat.
        renotify: Boolean(data.tag),
        icon: '/icons/icon-192.png',
        badge: '/icons/icon-192.png',
        data: { url: url.pathname + url.search, type: data.type, matchId: data.matchId },
      })
      .then(updateBadge),
  );
});

/**
 * What a tap on a notification does: routes an open window of the app to its url (the app
 * routes in place, without a reload) or opens one there. A named function, so that a test can
 * run it for a real notification (no script can tap one).
 */
async function openFromNotification(notification) {
  notification.close();
  const url = appUrl(notification.data && notification.data.url);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === url.origin);
  if (open) {
    // Bringing the window forward needs the tap's user activation and may be refused; the
    // route still changes, so the app is on the right page whenever the user looks.
    await open.focus().catch(() => undefined);
    open.postMessage({ type: 'spotlight:navigate', url: url.pathname + url.search });
  } else {
    await self.clients.openWindow(url.href);
  }
  await updateBadge();
}

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(openFromNotification(event.notification));
});

self.addEventListener('notificationclose', (event) => {
  event.waitUntil(updateBadge());
});
