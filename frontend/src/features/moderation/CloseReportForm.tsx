import { MODERATION_ACTIONS, type QueuedReport } from '@spotlight/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { nameOf } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { TextArea } from '../../ui/Field';
import { ACTION_KEYS } from './labels';
import { useCloseReport } from './mutations';

type Action = (typeof MODERATION_ACTIONS)[number];

/**
 * What the moderator does about an open report: an action (suspending is for admins only),
 * an optional note for the audit log, then "Resolve" or "Dismiss".
 */
export function CloseReportForm({ report, isAdmin }: { report: QueuedReport; isAdmin: boolean }) {
  const { t } = useTranslation();
  const close = useCloseReport(report.id);
  const [action, setAction] = useState<Action>('none');
  const [note, setNote] = useState('');
  const name = nameOf(report.reported);
  const groupName = useId();
  const actions = MODERATION_ACTIONS.filter((a) => a !== 'suspend' || isAdmin);

  const submit = (status: 'resolved' | 'dismissed') =>
    close.mutate({
      status,
      action: status === 'dismissed' ? 'none' : action,
      note: note.trim() || undefined,
    });

  return (
    <div className="space-y-3 border-t border-slate-100 pt-3">
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">
          {t('moderation.close.actionOn', { name })}
        </legend>
        {actions.map((a) => (
          <label
            key={a}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-1 text-sm hover:bg-slate-50"
          >
            <input
              type="radio"
              name={groupName}
              value={a}
              checked={action === a}
              onChange={() => setAction(a)}
              className="h-5 w-5 shrink-0 accent-violet-600"
            />
            <span className={a === 'suspend' ? 'font-semibold text-red-700' : undefined}>
              {t(ACTION_KEYS[a])}
            </span>
          </label>
        ))}
      </fieldset>
      <TextArea
        label={t('moderation.close.note')}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {close.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(close.error)}
        </p>
      )}
      <div className="grid grid-cols-2 gap-2">
        <Button
          variant={action === 'suspend' ? 'danger' : 'primary'}
          busy={close.isPending && close.variables.status === 'resolved'}
          disabled={close.isPending}
          onClick={() => submit('resolved')}
          aria-label={t('moderation.close.resolveLabel', { name, action: t(ACTION_KEYS[action]) })}
        >
          {t('moderation.close.resolve')}
        </Button>
        <Button
          variant="secondary"
          busy={close.isPending && close.variables.status === 'dismissed'}
          disabled={close.isPending}
          onClick={() => submit('dismissed')}
          aria-label={t('moderation.close.dismissLabel', { name })}
        >
          {t('moderation.close.dismiss')}
        </Button>
      </div>
    </div>
  );
}
