import type { Match } from '@spotlight/contracts';
import { useId, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { Stars } from '../../ui/Stars';
import { useMatchTransition } from '../../shared/matches';

/** What the signed-in user can do with a match now, and what it is waiting for. */
export function MatchActions({ match }: { match: Match }) {
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
              <strong>{partner}</strong> asked you to be their recording partner.
            </p>
            <div className="grid grid-cols-2 gap-2">
              <Button busy={busy('accepted')} onClick={() => transition.mutate('accepted')}>
                Accept
              </Button>
              <Button
                variant="secondary"
                busy={busy('rejected')}
                onClick={() => transition.mutate('rejected')}
              >
                Decline
              </Button>
            </div>
          </>
        ) : (
          <>
            <p>Waiting for {partner} to answer your request.</p>
            <Button
              variant="secondary"
              className="w-full"
              busy={busy('cancelled')}
              onClick={() => transition.mutate('cancelled')}
            >
              Withdraw request
            </Button>
          </>
        );
      break;
    case 'accepted':
      content = (
        <>
          <p>You’re partners. Film each other’s heats, then send the video.</p>
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
          Done. You rated {partner} <Stars score={match.myRating.score} />.
        </p>
      ) : (
        <>
          <p>Done! How was it to work with {partner}?</p>
          <ButtonLink to={`/matches/${match.id}/rate`} className="w-full">
            Rate {partner}
          </ButtonLink>
        </>
      );
      break;
    case 'rejected':
      content = (
        <p>{match.role === 'target' ? 'You declined this request.' : `${partner} declined.`}</p>
      );
      break;
    case 'cancelled':
      content = <p>This match was cancelled.</p>;
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
          Waiting for a connection…
        </p>
      )}
    </div>
  );
}

type Ending = 'completed' | 'cancelled';

const ASK: Record<Ending, (partner: string) => string> = {
  completed: (p) =>
    `Mark the match with ${p} as done? Videos keep arriving and stay under Videos; you can then rate ${p}.`,
  cancelled: (p) => `Cancel the match with ${p}? The chat closes and no more videos can be sent.`,
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
  const menuId = useId();
  if (confirming === 'completed' || confirming === 'cancelled') {
    const ending = confirming;
    return (
      <div role="alertdialog" aria-label="Confirm" className="space-y-2 rounded-xl bg-slate-50 p-3">
        <p>{ASK[ending](partner)}</p>
        <div className="grid grid-cols-2 gap-2">
          <Button
            variant={ending === 'cancelled' ? 'danger' : 'primary'}
            busy={busy(ending)}
            onClick={() => onMark(ending)}
          >
            {ending === 'cancelled' ? 'Yes, cancel' : 'Yes, mark as done'}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(null)}>
            {ending === 'cancelled' ? 'Keep match' : 'Not yet'}
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
        More match actions
      </Button>
      {/* A class, not the hidden attribute: Tailwind's `grid` would override [hidden]. */}
      <div id={menuId} className={confirming === 'menu' ? 'grid grid-cols-2 gap-2 pt-1' : 'hidden'}>
        <Button variant="secondary" onClick={() => setConfirming('completed')}>
          Mark as done
        </Button>
        <Button variant="danger" onClick={() => setConfirming('cancelled')}>
          Cancel match
        </Button>
      </div>
    </div>
  );
}
