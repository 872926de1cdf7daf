import { z } from 'zod';

/**
 * The peer-to-peer transfer protocol spoken on the WebRTC data channel (docs/transfer-protocol.md).
 *
 * Control messages are JSON text messages, one zod discriminated union on `type`. File data
 * travels in binary messages: a fixed 20-byte header followed by raw bytes, never JSON or base64.
 */

/** The protocol versions this build speaks, newest last. Peers agree on the highest common one. */
export const DC_PROTOCOL_VERSIONS = [1] as const;
export const DC_PROTOCOL_VERSION = 1;

/** The data channel's label and SCTP stream id (both peers create it `negotiated: true`). */
export const DC_LABEL = 'spotlight-transfer';
export const DC_CHANNEL_ID = 0;

/** 4 MiB: the unit of hashing, verification, acknowledgement of progress and re-fetch. */
export const DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
export const MIN_BLOCK_SIZE = 64 * 1024;
export const MAX_BLOCK_SIZE = 64 * 1024 * 1024;
/** Chunk messages are at most this big, whatever the SCTP transport would allow. */
export const MAX_CHUNK_MESSAGE_BYTES = 256 * 1024;
export const MAX_FILES_PER_TRANSFER = 100;
/** 1 TB: far above any phone video, and offsets stay exact in a JS number. */
export const MAX_FILE_SIZE = 1e12;
/** A control message longer than this is refused before it is parsed. */
export const MAX_CONTROL_MESSAGE_CHARS = 64 * 1024;

export const DC_ERROR_CODES = [
  'version_unsupported',
  'bad_message',
  'unknown_transfer',
  'storage_unavailable',
  'storage_full',
  'file_too_large',
  'io_error',
  'hash_mismatch',
  'protocol_violation',
  'internal',
] as const;
export const DcErrorCode = z.enum(DC_ERROR_CODES);
export type DcErrorCode = z.infer<typeof DcErrorCode>;

export const DECLINE_REASONS = [
  'user',
  'storage_full',
  'storage_unavailable',
  'file_too_large',
] as const;
export const CANCEL_REASONS = ['user', 'error', 'page_closed'] as const;

const u32 = z.number().int().min(0).max(0xffff_ffff);
const FileIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_FILES_PER_TRANSFER - 1);
const BlockIndex = z.number().int().min(0).max(1e9);
export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const TransferId = z.uuid();

/** Half-open block ranges `[from, to)`, ascending and disjoint: a compact set of block indices. */
export const BlockRanges = z
  .array(z.tuple([BlockIndex, BlockIndex]))
  .max(100_000)
  .refine(
    (ranges) => ranges.every(([from, to], i) => from < to && (i === 0 || from > ranges[i - 1]![1])),
    'Ranges must be non-empty, ascending and disjoint',
  );
export type BlockRanges = z.infer<typeof BlockRanges>;

export const FileMeta = z.strictObject({
  index: FileIndex,
  name: z.string().min(1).max(255),
  size: z.number().int().min(0).max(MAX_FILE_SIZE),
  /** `File.type`; may be empty when the browser does not know it. */
  mimeType: z.string().max(255),
  lastModified: z.number().int().min(0).optional(),
});
export type FileMeta = z.infer<typeof FileMeta>;

/** Sent by both peers as soon as the channel opens; nothing else is sent before the peer's. */
export const HelloMessage = z.strictObject({
  type: z.literal('hello'),
  versions: z.array(z.number().int().min(1).max(255)).min(1).max(16),
});

/** Sender → receiver: a transfer of one or several files. Re-sent unchanged after a reconnect. */
export const OfferMessage = z.strictObject({
  type: z.literal('offer'),
  transferId: TransferId,
  /** Names the transfer in binary chunk headers; unique among the sender's live transfers. */
  tag: u32,
  blockSize: z
    .number()
    .int()
    .min(MIN_BLOCK_SIZE)
    .max(MAX_BLOCK_SIZE)
    .refine((n) => (n & (n - 1)) === 0, 'Block size must be a power of two'),
  files: z
    .array(FileMeta)
    .min(1)
    .max(MAX_FILES_PER_TRANSFER)
    .refine((files) => files.every((f, i) => f.index === i), 'File indexes must be 0, 1, 2, …'),
});

/** Receiver → sender: the person said yes. A `resume` with the blocks to send follows. */
export const AcceptMessage = z.strictObject({
  type: z.literal('accept'),
  transferId: TransferId,
});

export const DeclineMessage = z.strictObject({
  type: z.literal('decline'),
  transferId: TransferId,
  reason: z.enum(DECLINE_REASONS),
});

/**
 * Receiver → sender, in answer to every `offer` of a transfer it has accepted (the first one and
 * each one re-sent after a reconnect): the files it does not have complete yet, each with the
 * blocks it still needs. The sender (re)starts from the first missing block, then sends that
 * file's `file_end`. A file not listed is complete on the receiver and is never sent again.
 */
export const ResumeMessage = z.strictObject({
  type: z.literal('resume'),
  transferId: TransferId,
  files: z
    .array(z.strictObject({ index: FileIndex, missing: BlockRanges }))
    .max(MAX_FILES_PER_TRANSFER),
});

/** Sender → receiver: the SHA-256 of one block, sent just before that block's chunk frames. */
export const BlockMessage = z.strictObject({
  type: z.literal('block'),
  transferId: TransferId,
  file: FileIndex,
  block: BlockIndex,
  sha256: Sha256Hex,
});

/**
 * Receiver → sender: `bytes` is the running count of chunk payload bytes written to storage since
 * this channel opened (the sender caps what it sends beyond it); `verified` lists blocks whose
 * hash matched and which are recorded in the receiver's manifest since the previous ack.
 */
export const AckMessage = z.strictObject({
  type: z.literal('ack'),
  transferId: TransferId,
  bytes: z.number().int().min(0),
  verified: z
    .array(z.strictObject({ file: FileIndex, blocks: BlockRanges }))
    .max(MAX_FILES_PER_TRANSFER)
    .optional(),
});

/** Receiver → sender: these blocks failed their hash (or arrived malformed); send them again. */
export const RefetchMessage = z.strictObject({
  type: z.literal('refetch'),
  transferId: TransferId,
  file: FileIndex,
  blocks: BlockRanges,
  reason: z.enum(['hash_mismatch', 'malformed']),
});

/** Sender → receiver: every requested block of this file was sent; the whole-file SHA-256. */
export const FileEndMessage = z.strictObject({
  type: z.literal('file_end'),
  transferId: TransferId,
  file: FileIndex,
  sha256: Sha256Hex,
});

/** Receiver → sender: the file is on disk and its whole-file SHA-256 matched. Final. */
export const FileCompleteMessage = z.strictObject({
  type: z.literal('file_complete'),
  transferId: TransferId,
  file: FileIndex,
  sha256: Sha256Hex,
});

/** Either side: stop this transfer for good. */
export const CancelMessage = z.strictObject({
  type: z.literal('cancel'),
  transferId: TransferId,
  reason: z.enum(CANCEL_REASONS),
});

/** Either side. `fatal` ends the transfer named (or, without one, the whole session). */
export const ErrorMessage = z.strictObject({
  type: z.literal('error'),
  transferId: TransferId.optional(),
  code: DcErrorCode,
  message: z.string().max(500),
  fatal: z.boolean(),
});

export const ControlMessage = z.discriminatedUnion('type', [
  HelloMessage,
  OfferMessage,
  AcceptMessage,
  DeclineMessage,
  ResumeMessage,
  BlockMessage,
  AckMessage,
  RefetchMessage,
  FileEndMessage,
  FileCompleteMessage,
  CancelMessage,
  ErrorMessage,
]);
export type ControlMessage = z.infer<typeof ControlMessage>;
export type ControlMessageType = ControlMessage['type'];
export type ControlMessageOf<T extends ControlMessageType> = Extract<ControlMessage, { type: T }>;

/** Serialises a control message for `RTCDataChannel.send` (a text message). */
export function encodeControlMessage(message: ControlMessage): string {
  return JSON.stringify(message);
}

/** Parses and validates a text message; `null` for anything malformed or unknown. */
export function decodeControlMessage(text: string): ControlMessage | null {
  if (text.length > MAX_CONTROL_MESSAGE_CHARS) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ControlMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The highest version both peers speak, or `null` when they share none. */
export function negotiateVersion(
  ours: readonly number[],
  theirs: readonly number[],
): number | null {
  const common = ours.filter((v) => theirs.includes(v));
  return common.length === 0 ? null : Math.max(...common);
}
