import type { Match, UserSummary } from '@spotlight/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../lib/errors';
import { Avatar, nameOf } from '../../ui/Avatar';
import { Button, ButtonLink } from '../../ui/Button';
import { useRequestPartner } from '../../shared/matches';
import { matchListQuery } from '../../shared/matches';

/** Who is in the event chat right now, with the way to ask each one to film you. */
export function ActiveUsers({
  eventId,
  others,
}: {
  eventId: number;
  /** Everyone here but the viewer (othersHere), as the "Here now" count counts them. */
  others: UserSummary[] | undefined;
}) {
  const navigate = useNavigate();
  const request = useRequestPartner(eventId);
  const matches = useQuery(matchListQuery({ eventId }));
  const byPartner = new Map<number, Match>();
  for (const match of matches.data?.items ?? []) {
    if (match.status === 'pending' || match.status === 'accepted')
      byPartner.set(match.partner.id, match);
  }

  const handleRequest = (user: UserSummary) =>
    request.mutate(user.id, { onSuccess: (match) => navigate(`/matches/${match.id}`) });

  if (!others) return <p className="p-3 text-sm text-slate-500">Connecting…</p>;
  return (
    <div>
      {request.error && (
        <p role="alert" className="px-3 pt-2 text-sm text-red-700">
          {errorMessage(request.error)}
        </p>
      )}
      {others.length === 0 ? (
        <p className="p-3 text-sm text-slate-600">Nobody else is here right now.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Dancers here now">
          {others.map((user) => {
            const match = byPartner.get(user.id);
            const name = nameOf(user);
            return (
              <li key={user.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <Avatar name={name} url={user.avatar} size="sm" />
                <Link
                  to={`/users/${user.id}?event=${eventId}`}
                  className="flex min-h-11 min-w-0 flex-1 items-center font-medium text-slate-900 hover:underline"
                >
                  <span className="truncate">{name}</span>
                </Link>
                {/* On a phone the action takes its own line, so the name stays readable. */}
                <div className="flex basis-full justify-end min-[480px]:basis-auto">
                  {match ? (
                    <ButtonLink variant="secondary" to={`/matches/${match.id}`}>
                      View match
                    </ButtonLink>
                  ) : (
                    <Button
                      variant="secondary"
                      className="px-3"
                      busy={request.isPending && request.variables === user.id}
                      onClick={() => handleRequest(user)}
                      aria-label={`Request recording partner: ${name}`}
                    >
                      Request recording partner
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
