import type { HeatRole, Recording, RecordingStatus } from '@spotlight/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { Avatar, nameOf } from '../../ui/Avatar';
import { CountryFlag } from '../../ui/CountryFlag';
import { Button, ButtonLink } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { useAnswerRecording } from './mutations';
import { formatHeatTime } from './schedule';

const BADGES: Record<RecordingStatus, { label: string; className: string }> = {
  suggested: { label: 'heats.card.status.suggested', className: 'bg-amber-100 text-amber-900' },
  accepted: { label: 'heats.card.status.accepted', className: 'bg-emerald-100 text-emerald-900' },
  declined: { label: 'heats.card.status.declined', className: 'bg-slate-200 text-slate-700' },
};

/** "You dance as leader", "Ana dances as follower". */
const DANCES_AS: Record<'dancer' | 'recorder', Record<HeatRole, string>> = {
  dancer: { leader: 'heats.card.youDanceAs.leader', follower: 'heats.card.youDanceAs.follower' },
  recorder: { leader: 'heats.card.dancesAs.leader', follower: 'heats.card.dancesAs.follower' },
};

/** Where a suggestion stands, in words, for the one reading it. */
function answerText(t: TFunction, recording: Recording, partner: string) {
  if (recording.status === 'declined') {
    return recording.side === 'dancer'
      ? t('heats.card.declinedDancer')
      : t('heats.card.declinedRecorder');
  }
  if (recording.status === 'accepted') return t('heats.card.bothAccepted');
  if (recording.myAnswer === 'accepted') return t('heats.card.waitingFor', { name: partner });
  if (recording.partnerAnswer === 'accepted') {
    return t('heats.card.partnerAccepted', { name: partner });
  }
  return t('heats.card.answerPrompt');
}

/** One heat to film or be filmed in: when, who, why this person, and the answer to give. */
export function RecordingCard({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  const answer = useAnswerRecording();
  const partner = nameOf(recording.partner);
  const badge = BADGES[recording.status];
  const open = recording.status === 'suggested' && recording.myAnswer === null;
  const who =
    recording.side === 'dancer'
      ? t('heats.card.filmsYou', { name: partner })
      : recording.dancerBib
        ? t('heats.card.youFilmBib', { name: partner, bib: recording.dancerBib })
        : t('heats.card.youFilm', { name: partner });
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
          <span className="sr-only">{t('heats.card.statusPrefix')}</span>
          {t(badge.label)}
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
            {t(DANCES_AS[recording.side][recording.dancerRole], { name: partner })}
          </p>
        </div>
      </div>
      <p className="rounded-xl bg-slate-50 p-3 text-sm text-slate-700 [overflow-wrap:anywhere]">
        {recording.explanation}
      </p>
      <p className="text-sm text-slate-600" aria-live="polite">
        {answerText(t, recording, partner)}
      </p>
      {open && (
        <div className="grid grid-cols-2 gap-2">
          <Button
            busy={answer.isPending && answer.variables?.status === 'accepted'}
            disabled={answer.isPending}
            onClick={() => answer.mutate({ id: recording.id, status: 'accepted' })}
            aria-label={t('heats.card.acceptLabel', { who, heat: recording.heat.label })}
          >
            {t('heats.card.accept')}
          </Button>
          <Button
            variant="danger"
            busy={answer.isPending && answer.variables?.status === 'declined'}
            disabled={answer.isPending}
            onClick={() => answer.mutate({ id: recording.id, status: 'declined' })}
            aria-label={t('heats.card.declineLabel', { who, heat: recording.heat.label })}
          >
            {t('heats.card.decline')}
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
          {t('heats.card.openChat', { name: partner })}
        </ButtonLink>
      )}
    </article>
  );
}
