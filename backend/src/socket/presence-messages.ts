/** What the Presence of one backend process says to the others, and how it is set up. */
import type { UserSummary } from '@spotlight/contracts';

export interface PresenceEntry {
  eventId: number;
  user: UserSummary;
}

/** Between backend processes. `node` is the sender; every process has a unique id per start. */
export type PresenceMessage =
  | ({ type: 'update'; node: string; seq: number; present: boolean } & PresenceEntry)
  | { type: 'heartbeat'; node: string; seq: number }
  | { type: 'sync'; node: string; target: string | null }
  | { type: 'snapshot'; node: string; seq: number; entries: PresenceEntry[] }
  | { type: 'forget'; node: string; eventId: number; userId: number }
  | { type: 'down'; node: string };

export interface PresenceOptions {
  nodeId: string;
  /** How long a user stays listed after their last socket on this process left. */
  graceMs: number;
  /** Sends to every other process; absent when this process is alone. */
  publish?: (message: PresenceMessage) => void;
  /** Called whenever the list of an event changes. */
  onChange: (eventId: number) => void;
  heartbeatMs?: number;
}
