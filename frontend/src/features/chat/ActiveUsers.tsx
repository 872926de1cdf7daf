import type { UserSummary } from '@spotlight/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Avatar, nameOf } from '../../ui/Avatar';
import { RequestPartnerButton } from '../../shared/matches';

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
  const { t } = useTranslation();

  if (!others) return <p className="p-3 text-sm text-slate-500">{t('chat.connecting')}</p>;
  if (others.length === 0) {
    return <p className="p-3 text-sm text-slate-600">{t('chat.nobodyHere')}</p>;
  }
  return (
    <ul className="divide-y divide-slate-100" aria-label={t('chat.dancersHereNow')}>
      {others.map((user) => {
        const name = nameOf(user);
        return (
          <li key={user.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
            <Avatar name={name} url={user.avatar} size="sm" />
            <Link
              to={`/users/${user.id}?event=${eventId}`}
              className="flex min-h-11 min-w-0 flex-1 items-center font-medium text-slate-900 hover:underline"
            >
              <span dir="auto" className="truncate">
                {name}
              </span>
            </Link>
            {/* On a phone the action takes its own line, so the name stays readable. */}
            <RequestPartnerButton
              eventId={eventId}
              dancer={{ id: user.id, name }}
              // Asked from here, the match opens at once: the chat with them is the next step.
              onRequested={(match) => navigate(`/matches/${match.id}`)}
              className="basis-full text-right min-[480px]:basis-auto"
            />
          </li>
        );
      })}
    </ul>
  );
}
