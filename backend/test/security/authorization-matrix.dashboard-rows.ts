/**
 * Matrix rows for the event dashboard (issue 13), spread into MATRIX. Nobody in the matrix's
 * world organises the event or is an admin (backend/test/api/event-dashboard.test.ts covers them).
 */
import type { Row } from './authorization-matrix.rows';

export const DASHBOARD_ROWS: Record<string, Row> = {
  'eventDashboard.get': {
    request: (w) => ({ params: { id: w.eventId } }),
    expect: { anonymous: 401, outsider: 403, participant: 403, other: 403 },
  },
};
