/** Matches as data: query keys, fetchers and mutations that several features read. */
export {
  matchHistoryQuery,
  matchKeys,
  matchListQuery,
  matchQuery,
  selectReceivedRequests,
  storeMatch,
  type MatchFilters,
} from './queries';
export { useMatchTransition, useRequestPartner } from './mutations';
export { connectMatchRealtime } from './realtime';
export { PartnerState, REQUEST_ERRORS, RequestPartnerButton } from './RequestPartnerButton';
