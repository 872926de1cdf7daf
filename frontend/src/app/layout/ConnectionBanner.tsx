import { useSyncExternalStore } from 'react';
import { socketClient } from '../../shared/socket';
import { cx } from '../../ui/cx';
import { useTranslation } from 'react-i18next';

const subscribe = (callback: () => void) => socketClient.on('status', callback);
const getStatus = () => socketClient.status;

/**
 * Says when what is on screen may be behind: offline (saved data shown, messages queued) or
 * reconnecting. Nothing when online.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const status = useSyncExternalStore(subscribe, getStatus);
  const text =
    status === 'offline'
      ? t('layout.connection.offline')
      : status === 'reconnecting'
        ? t('layout.connection.reconnecting')
        : undefined;
  return (
    <div role="status" aria-live="polite" data-connection={status}>
      {text && (
        <p
          className={cx(
            'px-4 py-2 text-center text-sm font-medium',
            status === 'offline' ? 'bg-amber-100 text-amber-900' : 'bg-sky-100 text-sky-900',
          )}
        >
          {text}
        </p>
      )}
    </div>
  );
}
