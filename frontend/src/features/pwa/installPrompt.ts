/** Chromium's install prompt event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

type Listener = () => void;

let deferred: BeforeInstallPromptEvent | undefined;
let installed = false;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((l) => l());

/**
 * Captures `beforeinstallprompt` (it may fire before React mounts, so this runs from main) and
 * keeps it for an "Install app" button. Platforms without the event (iOS Safari) never show it.
 */
export function captureInstallPrompt() {
  if (typeof window === 'undefined') return;
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    deferred = undefined;
    installed = true;
    notify();
  });
}

export const installPrompt = {
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  canInstall: () => deferred !== undefined && !installed,
  async prompt() {
    const event = deferred;
    if (!event) return 'unavailable' as const;
    deferred = undefined;
    notify();
    await event.prompt();
    return (await event.userChoice).outcome;
  },
};
