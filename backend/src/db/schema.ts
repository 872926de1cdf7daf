/**
 * The database schema as code, one file per area under schema/. `npm run db:generate` turns changes into a new SQL migration in
 * ./migrations; never edit a migration that has landed.
 *
 * The seed's six tables keep their names, columns, constraints and indexes. Added: profile
 * fields on users, event_participants, reports, sessions, messages.client_id, transfer
 * telemetry, and checks the seed left to the application. Timestamps are `timestamptz`
 * (the seed's `TIMESTAMP` loses the zone, and dancers fly in from every zone).
 */
export * from './schema/people';
export * from './schema/events';
export * from './schema/matches';
export * from './schema/notifications';
export * from './schema/accounts';
export * from './schema/heats';
