import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import { useUnread } from '../../features/notifications';
import { matchListQuery, selectReceivedRequests } from '../../shared/matches';
import { useMe } from '../../shared/session';
import { cx } from '../../ui/cx';
import { useTranslation } from 'react-i18next';

const icon = (d: string) => (
  <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" aria-hidden="true">
    <path
      d={d}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

const ICONS = {
  events: icon(
    'M8 3v3m8-3v3M4 9h16M5 6h14a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z',
  ),
  matches: icon(
    'M17 20v-2a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v2M10 10a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm11 10v-2a4 4 0 0 0-3-3.9M16 2.1a4 4 0 0 1 0 7.8',
  ),
  organise: icon('M9 11l3 3 8-8M20 12v7a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h11'),
  moderation: icon('M12 3l8 3v6c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V6l8-3z'),
  profile: icon('M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2m8-10a4 4 0 1 0 0-8 4 4 0 0 0 0 8z'),
  alerts: icon('M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.73 21a2 2 0 0 1-3.46 0'),
};

function Tab({
  to,
  label,
  icon: glyph,
  badge,
  badgeLabel,
  also,
}: {
  to: string;
  label: string;
  icon: ReactNode;
  badge?: number;
  /** What the badge counts, for screen readers ("3 pending match requests"). */
  badgeLabel?: (count: number) => string;
  /** Other paths under this tab (a match belongs to Matches). */
  also?: string;
}) {
  const { pathname } = useLocation();
  const inSection = also !== undefined && pathname.startsWith(also);
  return (
    <li className="flex-1">
      <NavLink
        to={to}
        aria-current={inSection ? 'page' : undefined}
        className={({ isActive }) =>
          cx(
            'relative flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-semibold',
            isActive || inSection ? 'text-violet-700' : 'text-slate-600 hover:text-slate-900',
          )
        }
      >
        {glyph}
        <span>{label}</span>
        {badge !== undefined && badge > 0 && (
          <span className="absolute left-1/2 top-1 ml-2 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-[11px] leading-5 text-white">
            <span aria-hidden={badgeLabel ? true : undefined}>{badge}</span>
            {badgeLabel && <span className="sr-only">{badgeLabel(badge)}</span>}
          </span>
        )}
      </NavLink>
    </li>
  );
}

/**
 * The bottom tab bar, in thumb reach; Matches carries the live count of pending requests, and
 * Organise and Moderation are there for organisers and admins only.
 */
export function Navbar() {
  const me = useMe();
  const { t } = useTranslation();
  const organises = me.isAdmin || me.organiserOf.length > 0;
  const pending = useQuery({
    ...matchListQuery({ status: 'pending' }),
    select: selectReceivedRequests,
  });
  const unread = useUnread();
  const count = pending.data?.length ?? 0;
  // Unread notifications, a chat's messages among them (one per chat until it is opened).
  const alerts = unread.data?.notifications ?? 0;
  return (
    <nav
      aria-label={t('nav.main')}
      className="border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)]"
    >
      <ul className="mx-auto flex max-w-lg">
        <Tab to="/events" label={t('nav.events')} icon={ICONS.events} />
        <Tab
          to="/history"
          label={t('nav.matches')}
          icon={ICONS.matches}
          badge={count}
          badgeLabel={(n) => t('nav.pendingRequests', { count: n })}
          also="/matches/"
        />
        {organises && <Tab to="/organise" label={t('nav.organise')} icon={ICONS.organise} />}
        {organises && (
          <Tab
            to="/moderation"
            label={t('nav.moderation')}
            icon={ICONS.moderation}
            also="/moderation/"
          />
        )}
        <Tab
          to="/notifications"
          label={t('nav.alerts')}
          icon={ICONS.alerts}
          badge={alerts}
          badgeLabel={(n) => t('nav.unreadNotifications', { count: n })}
        />
        <Tab to="/profile" label={t('nav.profile')} icon={ICONS.profile} />
      </ul>
      <p className="sr-only" aria-live="polite">
        {count > 0 ? t('nav.pendingRequests', { count }) : ''}
        {alerts > 0 ? ` ${t('nav.unreadNotifications', { count: alerts })}` : ''}
      </p>
    </nav>
  );
}
