import { CreateReportBody, REPORT_REASONS } from '@spotlight/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert, SelectField, TextArea } from '../../ui/Field';
import { REASON_KEYS } from './labels';
import { useReportUser } from './mutations';

/** Report a dancer to the organisers. */
export function ReportForm({
  userId,
  eventId,
  name,
  onDone,
}: {
  userId: number;
  /** The event where it happened, if known: its organisers see the report. */
  eventId?: number;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const report = useReportUser();
  const form = useSchemaForm(
    CreateReportBody,
    { reason: '', details: '' },
    {
      toBody: ({ reason, details }) => ({
        reportedUserId: userId,
        eventId,
        reason,
        details: details.trim() || undefined,
      }),
      showErrors: 'submit',
      messages: { reason: t('profile.report.chooseReason') },
    },
  );

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate();
    if (body) report.mutate(body, { onError: form.showServerError });
  };

  if (report.isSuccess) {
    return (
      <div role="status" className="space-y-2 rounded-2xl bg-emerald-50 p-4 text-emerald-900">
        <p className="font-semibold">{t('profile.report.thanks')}</p>
        <Button variant="secondary" onClick={onDone}>
          {t('profile.report.close')}
        </Button>
      </div>
    );
  }

  return (
    <form
      onSubmit={handleSubmit}
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm"
      noValidate
    >
      <h2 className="font-semibold text-slate-900">{t('profile.report.title', { name })}</h2>
      <SelectField
        label={t('profile.report.reason')}
        {...form.field('reason')}
        options={[
          { value: '', label: t('profile.report.chooseReason') },
          ...REPORT_REASONS.map((r) => ({ value: r, label: t(REASON_KEYS[r]) })),
        ]}
      />
      <TextArea
        label={t('profile.report.details')}
        rows={3}
        {...form.field('details')}
        hint={`${form.values.details.trim().length} / 2000`}
      />
      <FormAlert message={form.formError} />
      <div className="grid grid-cols-2 gap-2">
        <Button type="submit" variant="danger" busy={report.isPending}>
          {t('profile.report.send')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('profile.cancel')}
        </Button>
      </div>
    </form>
  );
}
