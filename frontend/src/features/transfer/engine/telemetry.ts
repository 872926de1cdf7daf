import { TransferTelemetryBody } from '@spotlight/contracts';
import type { TransferSnapshot } from './state';

export type ConnectionPath = TransferTelemetryBody['connection'];

/**
 * The outcome record of a finished transfer, as POST /api/transfers/telemetry takes it: sizes,
 * times and reasons, never file names or content. Null while the transfer is still going.
 */
export function buildTelemetry(
  snapshot: TransferSnapshot,
  context: { matchId: number; connection: ConnectionPath },
): TransferTelemetryBody | null {
  if (snapshot.finishedAt === null) return null;
  const outcome =
    snapshot.phase === 'completed'
      ? 'completed'
      : snapshot.phase === 'failed'
        ? 'failed'
        : snapshot.phase === 'cancelled' || snapshot.phase === 'declined'
          ? 'cancelled'
          : null;
  if (!outcome) return null;
  const reason = snapshot.phase === 'declined' ? 'declined' : (snapshot.error?.code ?? undefined);
  return TransferTelemetryBody.parse({
    matchId: context.matchId,
    transferId: snapshot.id,
    role: snapshot.direction === 'send' ? 'sender' : 'receiver',
    outcome,
    fileCount: snapshot.files.length,
    totalBytes: snapshot.totalBytes,
    bytesTransferred: snapshot.bytesMoved,
    bytesResent: snapshot.bytesResent,
    durationMs: Math.max(0, Math.round(snapshot.finishedAt - snapshot.startedAt)),
    resumes: snapshot.resumes,
    connection: context.connection,
    ...(reason && outcome !== 'completed' ? { reason } : {}),
  });
}
