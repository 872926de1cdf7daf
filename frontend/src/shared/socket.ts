import { apiCall } from '../lib/api/client';
import { localOutboxStorage } from '../lib/socket/outbox';
import { SocketClient } from '../lib/socket/SocketClient';

const storage = (() => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localOutboxStorage(localStorage);
  } catch {
    return undefined; // storage disabled by the browser
  }
})();

/** The app's one socket connection (same origin, cookie session). */
export const socketClient = new SocketClient({ api: apiCall, storage });
