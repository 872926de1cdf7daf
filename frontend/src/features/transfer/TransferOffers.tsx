import type { Match } from '@spotlight/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { nameOf } from '../../ui/Avatar';
import { matchListQuery, matchQuery } from '../../shared/matches';
import { useMe } from '../../shared/session';
import { socketClient } from '../../shared/socket';
import { disposeTransfers, keepOnly, transferControllerFor } from './matchTransfers';

interface Offer {
  matchId: number;
  transferId: string;
  /** Rendered in the language shown when it is shown. */
  partner: string;
  videos: number;
}

/**
 * The transfers of the signed-in dancer, for the whole session rather than one page: every
 * accepted match keeps its controller and its private room (where signaling arrives), so a
 * partner's offer reaches this phone on any page, as a toast whose link opens the match chat
 * with the offer. Controllers of matches no longer accepted or completed (cancelled,
 * rejected) are disposed, and all of them when the session ends (this frame unmounts).
 */
export function TransferOffers() {
  const me = useMe();
  const { t } = useTranslation();
  const client = useQueryClient();
  const accepted = useQuery({ ...matchListQuery({ status: 'accepted' }), staleTime: 30_000 });
  const matches = accepted.data?.items;
  const [offers, setOffers] = useState<Offer[]>([]);
  const { pathname } = useLocation();

  useEffect(() => () => disposeTransfers(), []);

  useEffect(() => {
    if (!matches) return;
    // A completed match keeps its controller if it has one (a transfer may still run).
    const ended = (id: number) => {
      const status = client.getQueryData(matchQuery(id).queryKey)?.status;
      return status === 'cancelled' || status === 'rejected';
    };
    keepOnly(
      matches.map((m) => m.id),
      ended,
    );
    const offs = matches.flatMap((match: Match) => {
      const controller = transferControllerFor(match, me.id);
      const partner = nameOf(match.partner);
      const sync = () => {
        const incoming = controller.state
          .getSnapshot()
          .transfers.filter((t) => t.phase === 'incoming');
        setOffers((list) => {
          const others = list.filter((o) => o.matchId !== match.id);
          const mine = incoming.map((t) => ({
            matchId: match.id,
            transferId: t.id,
            partner,
            videos: t.files.length,
          }));
          const same =
            mine.length === list.length - others.length &&
            mine.every((o) => list.some((p) => p.transferId === o.transferId));
          return same ? list : [...others, ...mine];
        });
      };
      sync();
      return [
        socketClient.joinRoom({ kind: 'match', id: match.id }),
        controller.state.subscribe(sync),
      ];
    });
    return () => offs.forEach((off) => off());
  }, [matches, me.id, client]);

  const shown = offers.filter((o) => pathname !== `/matches/${o.matchId}`);
  if (shown.length === 0) return null;
  return (
    <div className="space-y-2 px-3 pt-2">
      {shown.map((offer) => (
        <div
          key={offer.transferId}
          role="status"
          className="flex items-center gap-2 rounded-2xl bg-violet-700 p-2 pl-3 text-sm text-white shadow-lg"
        >
          <p className="flex-1">
            {t('transfer.toast', { name: offer.partner, count: offer.videos })}
          </p>
          <Link
            to={`/matches/${offer.matchId}`}
            className="inline-flex min-h-11 items-center rounded-xl bg-white px-3 font-semibold text-violet-800"
          >
            {t('transfer.open')}
          </Link>
        </div>
      ))}
    </div>
  );
}
