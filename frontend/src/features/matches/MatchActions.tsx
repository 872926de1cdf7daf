import type { Match } from '@spotlight/contracts';
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors';
import { nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { Stars } from '../../ui/Stars';
import { useMatchTransition } from '../../shared/matches';

/** What the signed-in user can do with a match now, and what it is waiting for. */
export function MatchActions({ match }: { match: Match }) {
  const { t } = useTranslation();
  const transition = useMatchTransition(match.id);
  const [confirming, setConfirming] = useState<Ending | 'menu' | null>(null);
  const partner = nameOf(match.partner);
  const busy = (to: string) => transition.isPending && transition.variables === to;

  let content;
  switch (match.status) {
    case 'pending':
      content =
        match.role === 'target' ? (
          <>
            <p>
              {/* The name as a component, not a value: Trans would show a "<" in it as "&lt;". */}
              <Trans
                i18nKey="matches.actions.asked"
                components={{ name: <strong>{partner}</strong> }}
              />
            </p>
            <div className="grid grid-cols-2 gap-2">
              <Button busy={busy('accepted')} onClick={() => transition.mutate('accepted')}>
                {t('matches.actions.accept')}
              </Button>
              <Button
                variant="secondary"
                busy={busy('rejected')}
                onClick={() => transition.mutate('rejected')}
              >
                {t('matches.actions.decline')}
              </Button>
            </div>
          </>
        ) : (
          <>
            <p>{t('matches.actions.waiting', { name: partner })}</p>
            <Button
              variant="secondary"
              className="w-full"
              busy={busy('cancelled')}
              onClick={() => transition.mutate('cancelled')}
            >
              {t('matches.actions.withdraw')}
            </Button>
          </>
        );
      break;
    case 'accepted':
      content = (
        <>
          <p>{t('matches.actions.partners')}</p>
          <MatchMenu
            partner={partner}
            busy={busy}
            onMark={(to) => transition.mutate(to)}
            confirming={confirming}
            setConfirming={setConfirming}
          />
        </>
      );
      break;
    case 'completed':
      content = match.myRating ? (
        <p>
          <Trans
            i18nKey="matches.actions.rated"
            components={{ name: <>{partner}</>, stars: <Stars score={match.myRating.score} /> }}
          />
        </p>
      ) : (
        <>
          <p>{t('matches.actions.howWasIt', { name: partner })}</p>
          <ButtonLink to={`/matches/${match.id}/rate`} className="w-full">
            {t('matches.actions.rate', { name: partner })}
          </ButtonLink>
        </>
      );
      break;
    case 'rejected':
      content = (
        <p>
          {match.role === 'target'
            ? t('matches.actions.youDeclined')
            : t('matches.actions.partnerDeclined', { name: partner })}
        </p>
      );
      break;
    case 'cancelled':
      content = <p>{t('matches.actions.cancelled')}</p>;
      break;
  }

  return (
    <div className="space-y-2 text-sm text-slate-800">
      {content}
      {transition.error && (
        <p role="alert" className="text-red-700">
          {errorMessage(transition.error)}
        </p>
      )}
      {transition.isPaused && (
        <p role="status" className="text-amber-800">
          {t('matches.actions.offline')}
        </p>
      )}
    </div>
  );
}

type Ending = 'completed' | 'cancelled';

const ASK: Record<Ending, string> = {
  completed: 'matches.actions.askDone',
  cancelled: 'matches.actions.askCancel',
};

/**
 * Ending the match is secondary to sending the video: "Mark as done" and "Cancel match" live in
 * a menu, and each asks for confirmation first.
 */
function MatchMenu({
  partner,
  busy,
  onMark,
  confirming,
  setConfirming,
}: {
  partner: string;
  busy: (to: string) => boolean;
  onMark: (to: Ending) => void;
  confirming: Ending | 'menu' | null;
  setConfirming: (next: Ending | 'menu' | null) => void;
}) {
  const { t } = useTranslation();
  const menuId = useId();
  if (confirming === 'completed' || confirming === 'cancelled') {
    const ending = confirming;
    return (
      <div
        role="alertdialog"
        aria-label={t('matches.actions.confirm')}
        className="space-y-2 rounded-xl bg-slate-50 p-3"
      >
        <p>{t(ASK[ending], { partner })}</p>
        <div className="grid grid-cols-2 gap-2">
          <Button
            variant={ending === 'cancelled' ? 'danger' : 'primary'}
            busy={busy(ending)}
            onClick={() => onMark(ending)}
          >
            {ending === 'cancelled' ? t('matches.actions.yesCancel') : t('matches.actions.yesDone')}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            {ending === 'cancelled' ? t('matches.actions.keep') : t('matches.actions.notYet')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <Button
        variant="ghost"
        className="w-full"
        aria-expanded={confirming === 'menu'}
        aria-controls={menuId}
        onClick={() => setConfirming(confirming === 'menu' ? null : 'menu')}
      >
        {t('matches.actions.more')}
      </Button>
      {/* A class, not the hidden attribute: Tailwind's `grid` would override [hidden]. */}
      <div id={menuId} className={confirming === 'menu' ? 'grid grid-cols-2 gap-2 pt-1' : 'hidden'}>
        <Button variant="secondary" onClick={() => setConfirming('completed')}>
          {t('matches.actions.markDone')}
        </Button>
        <Button variant="danger" onClick={() => setConfirming('cancelled')}>
          {t('matches.actions.cancel')}
        </Button>
      </div>
    </div>
  );
}
