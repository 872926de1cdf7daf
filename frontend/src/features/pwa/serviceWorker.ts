type Listener = () => void;

let updateReady: ((reload?: boolean) => Promise<void>) | undefined;
const listeners = new Set<Listener>();

/**
 * Registers the service worker (precached app shell) after the page has loaded, so that it
 * never competes with the first render; loaded lazily to keep workbox-window out of the
 * initial bundle. A new version waits for the user's "Reload" rather than reloading mid-chat.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const start = () => {
    void import('virtual:pwa-register').then(({ registerSW }) => {
      const update = registerSW({
        immediate: true,
        onNeedRefresh() {
          updateReady = update;
          listeners.forEach((l) => l());
        },
      });
    });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

export const appUpdate = {
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  available: () => updateReady !== undefined,
  apply: () => void updateReady?.(true),
};
