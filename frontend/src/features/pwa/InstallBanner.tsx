import { useState, useSyncExternalStore } from 'react';
import { Button } from '../../ui/Button';
import { installPrompt } from './installPrompt';
import { useTranslation } from 'react-i18next';

const useCanInstall = () => useSyncExternalStore(installPrompt.subscribe, installPrompt.canInstall);
const DISMISSED = 'spotlight.install-dismissed';

/** "Install app", where the platform offers it (Chrome on Android and desktop). */
export function InstallButton() {
  const { t } = useTranslation();
  const canInstall = useCanInstall();
  if (!canInstall) return null;
  return (
    <Button variant="secondary" className="w-full" onClick={() => void installPrompt.prompt()}>
      {t('pwa.installApp')}
    </Button>
  );
}

/** A dismissible invitation to install, shown once until dismissed. */
export function InstallBanner() {
  const { t } = useTranslation();
  const canInstall = useCanInstall();
  const [dismissed, setDismissed] = useState(() => {
    try {
      return localStorage.getItem(DISMISSED) === '1';
    } catch {
      return false;
    }
  });
  if (!canInstall || dismissed) return null;
  const handleDismiss = () => {
    setDismissed(true);
    try {
      localStorage.setItem(DISMISSED, '1');
    } catch {
      // private mode: dismissed for this page only
    }
  };
  return (
    <div className="flex items-center gap-2 rounded-2xl bg-violet-50 p-3 text-sm text-violet-900">
      <p className="flex-1">{t('pwa.invitation')}</p>
      <Button className="px-3" onClick={() => void installPrompt.prompt()}>
        {t('pwa.install')}
      </Button>
      <Button
        variant="ghost"
        className="px-3"
        onClick={handleDismiss}
        aria-label={t('pwa.dismiss')}
      >
        ✕
      </Button>
    </div>
  );
}
