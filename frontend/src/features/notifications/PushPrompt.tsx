import { useState } from 'react';
import { Button } from '../../ui/Button';
import { enablePush, pushSupport } from './push';

/**
 * Turning notifications on: explained first, asked only when the user taps (never on load).
 * On an iPhone outside the installed app, it says what is needed instead.
 */
export function PushPrompt() {
  const support = pushSupport();
  const [state, setState] = useState<NotificationPermission | 'working' | 'failed'>(
    support === 'supported' ? Notification.permission : 'default',
  );
  if (support === 'unsupported') return null;
  if (support === 'needs-install') {
    return (
      <p className="rounded-2xl bg-white p-3 text-sm text-slate-700 shadow-sm">
        To get told when your partner sends the video, add spotlight.cam to your home screen (Share
        → Add to Home Screen, iOS 16.4 or later) and turn notifications on there.
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
      <p>
        Get told when your partner sends the video, accepts your request or writes to you, even with
        the app closed.
      </p>
      {state === 'denied' ? (
        <p>Notifications are blocked for this site; allow them in the browser settings.</p>
      ) : (
        <Button onClick={handleEnable} disabled={state === 'working'}>
          Turn on notifications
        </Button>
      )}
      {state === 'failed' && <p role="alert">That did not work; try again.</p>}
    </div>
  );
}
