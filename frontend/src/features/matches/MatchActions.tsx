import type { Match } from '@spotlight/contracts';
import { useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { Stars } from '../../ui/Stars';
import { useMatchTransition } from '../../shared/matches';

/** What the signed-in user can do with a match now, and what it is waiting for. */
export function MatchActions({ match }: { match: Match }) {
  const transition = useMatchTransition(match.id);
  const [confirmCancel, setConfirmCancel] = useState(false);
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
          {confirmCancel ? (
            <div className="grid grid-cols-2 gap-2">
              <Button
                variant="danger"
                busy={busy('cancelled')}
                onClick={() => transition.mutate('cancelled')}
              >
                Yes, cancel
              </Button>
              <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
                Keep match
              </Button>
            </div>
          ) : (
            <div className="grid grid-cols-2 gap-2">
              <Button busy={busy('completed')} onClick={() => transition.mutate('completed')}>
                Mark as done
              </Button>
              <Button variant="secondary" onClick={() => setConfirmCancel(true)}>
                Cancel match
              </Button>
            </div>
          )}
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
