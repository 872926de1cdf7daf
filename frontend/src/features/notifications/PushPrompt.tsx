import { useState } from 'react';
import { Button } from '../../ui/Button';
import { enablePush, pushSupport } from './push';
import { useTranslation } from 'react-i18next';

/**
 * Turning notifications on: explained first, asked only when the user taps (never on load).
 * On an iPhone outside the installed app, it says what is needed instead.
 */
export function PushPrompt() {
  const { t } = useTranslation();
  const support = pushSupport();
  const [state, setState] = useState<NotificationPermission | 'working' | 'failed'>(
    support === 'supported' ? Notification.permission : 'default',
  );
  if (support === 'unsupported') return null;
  if (support === 'needs-install') {
    return (
      <p className="rounded-2xl bg-white p-3 text-sm text-slate-700 shadow-sm">
        {t('notifications.push.needsInstall')}
      </p>
    );
  }
  if (state === 'granted') return null;
  const handleEnable = () => {
    setState('working');
    enablePush().then(setState, () => setState('failed'));
  };
  return (
    <div className="space-y-2 rounded-2xl bg-white p-3 text-sm text-slate-700 shadow-sm">
      <p>{t('notifications.push.pitch')}</p>
      {state === 'denied' ? (
        <p>{t('notifications.push.blocked')}</p>
      ) : (
        <Button onClick={handleEnable} disabled={state === 'working'}>
          {t('notifications.push.enable')}
        </Button>
      )}
      {state === 'failed' && <p role="alert">{t('notifications.push.failed')}</p>}
    </div>
  );
}
