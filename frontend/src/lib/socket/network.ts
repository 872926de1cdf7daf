import type { NetworkMonitor } from './types';

/** The browser's online/offline events; none outside a browser. */
export const browserNetwork = (): NetworkMonitor | undefined => {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return undefined;
  return {
    isOnline: () => navigator.onLine,
    subscribe(listener) {
      const handleOnline = () => listener(true);
      const handleOffline = () => listener(false);
      window.addEventListener('online', handleOnline);
      window.addEventListener('offline', handleOffline);
      return () => {
        window.removeEventListener('online', handleOnline);
        window.removeEventListener('offline', handleOffline);
      };
    },
  };
};
