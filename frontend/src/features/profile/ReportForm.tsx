import { CreateReportBody, REPORT_REASONS } from '@spotlight/contracts';
import type { FormEvent } from 'react';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { Button } from '../../ui/Button';
import { FormAlert, SelectField, TextArea } from '../../ui/Field';
import { REASON_LABELS } from './labels';
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
      messages: { reason: 'Choose a reason' },
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
        <p className="font-semibold">Thanks, the organisers will look into it.</p>
        <Button variant="secondary" onClick={onDone}>
          Close
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
      <h2 className="font-semibold text-slate-900">Report {name}</h2>
      <SelectField
        label="Reason"
        {...form.field('reason')}
        options={[
          { value: '', label: 'Choose a reason' },
          ...REPORT_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] })),
        ]}
      />
      <TextArea
        label="What happened? (optional)"
        rows={3}
        {...form.field('details')}
        hint={`${form.values.details.trim().length} / 2000`}
      />
      <FormAlert message={form.formError} />
      <div className="grid grid-cols-2 gap-2">
        <Button type="submit" variant="danger" busy={report.isPending}>
          Send report
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
