import { api } from '@spotlight/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiCall } from '../../lib/api/client';
import { appLocale } from '../../lib/i18n';

export const organiserKeys = {
  all: ['organiser'] as const,
  organisers: (eventId: number) => ['organiser', 'organisers', eventId] as const,
  checkInCode: (eventId: number) => ['organiser', 'check-in-code', eventId] as const,
  dashboard: (eventId: number) => ['organiser', 'dashboard', eventId] as const,
};

export const organisersQuery = (eventId: number) =>
  queryOptions({
    queryKey: organiserKeys.organisers(eventId),
    queryFn: ({ signal }) => apiCall(api.organisers.list, { params: { id: eventId } }, { signal }),
  });

/** The event's dashboard: counted when asked for; the organiser refreshes it by hand. */
export const dashboardQuery = (eventId: number) =>
  queryOptions({
    queryKey: organiserKeys.dashboard(eventId),
    queryFn: ({ signal }) =>
      apiCall(api.eventDashboard.get, { params: { id: eventId } }, { signal }),
  });

/** The transfers' success rate as a whole percentage ("83%"), or a dash before any transfer. */
export const formatSuccessRate = (rate: number | null, locale: string = appLocale()) =>
  rate === null
    ? '–'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);

/** Fetch the next code this long before the current one expires (it stays valid a while after). */
const REFRESH_AHEAD_MS = 5_000;
const MIN_REFRESH_MS = 1_000;

/** Milliseconds until the code that expires at `expiresAt` should be replaced. */
export const refreshDelay = (expiresAt: string, now = Date.now()) =>
  Math.max(MIN_REFRESH_MS, new Date(expiresAt).getTime() - now - REFRESH_AHEAD_MS);

/** The door's code: fetched again shortly before it expires, for as long as the screen is open. */
export const checkInCodeQuery = (eventId: number) =>
  queryOptions({
    queryKey: organiserKeys.checkInCode(eventId),
    queryFn: ({ signal }) =>
      apiCall(api.eventAdmin.checkInCode, { params: { id: eventId } }, { signal }),
    staleTime: 0,
    gcTime: 0,
    refetchInterval: (query) =>
      query.state.data ? refreshDelay(query.state.data.expiresAt) : MIN_REFRESH_MS * 5,
    refetchIntervalInBackground: true,
  });
