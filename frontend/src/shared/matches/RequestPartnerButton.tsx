import type { Match, ParticipantMatch } from '@spotlight/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError, type ClientErrorCode } from '../../lib/api/client';
import { errorMessageFor } from '../../lib/errors';
import { Button, buttonClass } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { eventKeys } from '../events';
import { useMe } from '../session';
import { useRequestPartner } from './mutations';
import { matchKeys, matchListQuery } from './queries';

/**
 * What a refused request means for the dancer who asked; other codes keep the server's words.
 * Each is read when shown (a getter), so it is in the language of that moment.
 */
export const REQUEST_ERRORS: Partial<Record<ClientErrorCode, string>> = {
  get email_not_verified() {
    return i18next.t('shared.requestErrors.emailNotVerified');
  },
  get already_matched() {
    return i18next.t('shared.requestErrors.alreadyMatched');
  },
  get blocked() {
    return i18next.t('shared.requestErrors.blocked');
  },
  get self_action() {
    return i18next.t('shared.requestErrors.selfAction');
  },
  get network_error() {
    return i18next.t('shared.requestErrors.networkError');
  },
};

/** The viewer's side of a match with a dancer, from the event's list or the match list. */
const asParticipantMatch = (match: Match): ParticipantMatch => ({
  id: match.id,
  status: match.status,
  role: match.role,
});

/**
 * "Request recording partner" for one dancer at one event, or, once there is a match, where it
 * stands ("Requested", "Matched — Open chat", …) with the way to it. The same control on the
 * event's list of dancers, a dancer's profile, their chat messages and "Here now". Renders
 * nothing for the viewer themselves. A dancer who is offline gets the request when they are back.
 */
export function RequestPartnerButton({
  eventId,
  dancer,
  match,
  onRequested,
  className,
}: {
  eventId: number;
  dancer: { id: number; name: string };
  /** The viewer's match with them, when the caller has it; `undefined`: looked up here. */
  match?: ParticipantMatch | null;
  /** After the request is stored (the chat's "Here now" opens the match). */
  onRequested?: (match: Match) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const request = useRequestPartner(eventId);
  const lookup = useQuery({ ...matchListQuery({ eventId }), enabled: match === undefined });
  const found = lookup.data?.items.find((m) => m.partner.id === dancer.id);
  // The request just sent holds until the list that was asked for shows it.
  const [sent, setSent] = useState<ParticipantMatch>();
  const known = match !== undefined ? match : found ? asParticipantMatch(found) : null;
  const current = known ?? sent ?? null;
  // After a request, focus moves to what replaced the button, which says "Requested".
  const stateRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (sent) stateRef.current?.focus();
  }, [sent]);

  if (dancer.id === me.id) return null;

  const handleRequest = () =>
    request.mutate(dancer.id, {
      onSuccess: (created) => {
        setSent(asParticipantMatch(created));
        onRequested?.(created);
      },
      onError: (error) => {
        // The server knows a match we did not: show where it stands instead of the button.
        if (isApiError(error) && error.code === 'already_matched') {
          void client.invalidateQueries({ queryKey: eventKeys.participants(eventId) });
          void client.invalidateQueries({ queryKey: matchKeys.lists() });
        }
      },
    });

  const checking = match === undefined && lookup.isPending && lookup.fetchStatus !== 'idle';
  return (
    <div className={cx('space-y-1', className)}>
      {current ? (
        <PartnerState match={current} name={dancer.name} linkRef={stateRef} />
      ) : (
        <Button
          variant="secondary"
          className="w-full px-3 min-[480px]:w-auto"
          busy={request.isPending || checking}
          onClick={handleRequest}
          aria-label={t('shared.request.label', { name: dancer.name })}
        >
          {t('shared.request.button')}
        </Button>
      )}
      <p role="status" className="text-xs text-slate-600 empty:hidden">
        {request.isPaused
          ? t('shared.request.waiting')
          : sent
            ? t('shared.request.sent', { name: dancer.name })
            : ''}
      </p>
      {request.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessageFor(request.error, REQUEST_ERRORS)}
        </p>
      )}
    </div>
  );
}

const chip =
  'inline-flex min-h-11 w-full items-center justify-center rounded-xl px-3 text-sm font-semibold min-[480px]:w-auto';

/** Where the viewer's match with a dancer stands, as a link to it where there is one to open. */
export function PartnerState({
  match,
  name,
  linkRef,
}: {
  match: ParticipantMatch;
  name: string;
  linkRef?: Ref<HTMLAnchorElement>;
}) {
  const { t } = useTranslation();
  const link = (variant: 'primary' | 'secondary', text: ReactNode, label: string) => (
    <Link
      ref={linkRef}
      to={`/matches/${match.id}`}
      className={buttonClass(variant, 'w-full px-3 min-[480px]:w-auto')}
      aria-label={label}
    >
      {text}
    </Link>
  );
  switch (match.status) {
    case 'pending':
      return match.role === 'requester'
        ? link(
            'secondary',
            <>
              <span aria-hidden="true">✓ </span>
              {t('shared.partner.requested')}
            </>,
            t('shared.partner.requestedLabel', { name }),
          )
        : link('primary', t('shared.partner.answer'), t('shared.partner.answerLabel', { name }));
    case 'accepted':
      return link(
        'primary',
        t('shared.partner.matched'),
        t('shared.partner.matchedLabel', { name }),
      );
    case 'completed':
      return link(
        'secondary',
        t('shared.partner.recorded'),
        t('shared.partner.recordedLabel', { name }),
      );
    case 'rejected':
      return (
        <span className={cx(chip, 'bg-slate-100 text-slate-700')}>
          {t('shared.partner.declined')}
        </span>
      );
    case 'cancelled':
      return (
        <span className={cx(chip, 'bg-slate-100 text-slate-700')}>
          {t('shared.partner.cancelled')}
        </span>
      );
  }
}
