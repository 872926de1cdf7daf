/** Events as data: query keys and fetchers that several features read. */
export {
  eventKeys,
  eventListQuery,
  eventQuery,
  connectEventRealtime,
  participantsQuery,
  setParticipantMatch,
  setParticipantsCount,
  storeEvent,
  type EventFilters,
  type EventWhen,
} from './queries';
export { EventFacts } from './EventFacts';
