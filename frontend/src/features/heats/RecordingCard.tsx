import type { Recording, RecordingStatus } from '@spotlight/contracts';
import { errorMessage } from '../../lib/errors';
import { Avatar, nameOf } from '../../ui/Avatar';
import { CountryFlag } from '../../ui/CountryFlag';
import { Button, ButtonLink } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { ROLE_LABELS } from './HeatPicker';
import { useAnswerRecording } from './mutations';
import { formatHeatTime } from './schedule';

const BADGES: Record<RecordingStatus, { label: string; className: string }> = {
  suggested: { label: 'Suggested', className: 'bg-amber-100 text-amber-900' },
  accepted: { label: 'Accepted', className: 'bg-emerald-100 text-emerald-900' },
  declined: { label: 'Declined', className: 'bg-slate-200 text-slate-700' },
};

/** Where a suggestion stands, in words, for the one reading it. */
function answerText(recording: Recording, partner: string) {
  if (recording.status === 'declined') {
    return recording.side === 'dancer'
      ? 'Declined. The next matching run looks for someone else.'
      : 'Declined. You will not film this heat.';
  }
  if (recording.status === 'accepted') return 'You both accepted. Agree the details in the chat.';
  if (recording.myAnswer === 'accepted') return `You accepted. Waiting for ${partner}.`;
  if (recording.partnerAnswer === 'accepted') return `${partner} accepted. Your turn.`;
  return 'Accept if it suits you, or decline to free the heat for someone else.';
}

/** One heat to film or be filmed in: when, who, why this person, and the answer to give. */
export function RecordingCard({ recording }: { recording: Recording }) {
  const answer = useAnswerRecording();
  const partner = nameOf(recording.partner);
  const badge = BADGES[recording.status];
  const open = recording.status === 'suggested' && recording.myAnswer === null;
  const who =
    recording.side === 'dancer'
      ? `${partner} films you`
      : `You film ${partner}${recording.dancerBib ? ` (bib ${recording.dancerBib})` : ''}`;
  const titleId = `recording-${recording.id}`;

  return (
    <article
      aria-labelledby={titleId}
      className={cx(
        'space-y-3 rounded-2xl bg-white p-4 shadow-sm',
        recording.status === 'declined' && 'opacity-75',
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm font-semibold text-violet-700">
            <time dateTime={recording.heat.startsAt ?? undefined}>
              {formatHeatTime(recording.heat.startsAt)}
            </time>
          </p>
          <h3 id={titleId} className="font-semibold text-slate-900 [overflow-wrap:anywhere]">
            {recording.heat.label}
          </h3>
        </div>
        <span
          className={cx('shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold', badge.className)}
        >
          <span className="sr-only">Status: </span>
          {badge.label}
        </span>
      </div>
      <div className="flex items-center gap-3">
        <Avatar name={partner} url={recording.partner.avatar} size="sm" />
        <div className="min-w-0">
          <p className="font-medium [overflow-wrap:anywhere]">
            {who}
            {recording.partner.country && (
              <CountryFlag code={recording.partner.country} className="ml-1.5" />
            )}
          </p>
          <p className="text-xs text-slate-600">
            {recording.side === 'dancer' ? 'You dance' : `${partner} dances`} as{' '}
            {ROLE_LABELS[recording.dancerRole].toLowerCase()}
          </p>
        </div>
      </div>
      <p className="rounded-xl bg-slate-50 p-3 text-sm text-slate-700 [overflow-wrap:anywhere]">
        {recording.explanation}
      </p>
      <p className="text-sm text-slate-600" aria-live="polite">
        {answerText(recording, partner)}
      </p>
      {open && (
        <div className="grid grid-cols-2 gap-2">
          <Button
            busy={answer.isPending && answer.variables?.status === 'accepted'}
            disabled={answer.isPending}
            onClick={() => answer.mutate({ id: recording.id, status: 'accepted' })}
            aria-label={`Accept: ${who}, ${recording.heat.label}`}
          >
            Accept
          </Button>
          <Button
            variant="danger"
            busy={answer.isPending && answer.variables?.status === 'declined'}
            disabled={answer.isPending}
            onClick={() => answer.mutate({ id: recording.id, status: 'declined' })}
            aria-label={`Decline: ${who}, ${recording.heat.label}`}
          >
            Decline
          </Button>
        </div>
      )}
      {answer.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(answer.error)}
        </p>
      )}
      {recording.matchId !== null && recording.status === 'accepted' && (
        <ButtonLink to={`/matches/${recording.matchId}`} variant="secondary" className="w-full">
          Open chat with {partner}
        </ButtonLink>
      )}
    </article>
  );
}
