/**
 * Known devices: a browser that once signed in to an account carries a device cookie, a random
 * id signed together with the account's user id. A correct password from a known device skips
 * the backoff that strangers' failures put on the account, so that guessing at someone's account
 * cannot lock its owner out. The cookie needs no storage: the signature is the memory.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'spotlight_device';
/** How long a browser stays a known device of an account without signing in again. */
export const DEVICE_TTL_SECONDS = 365 * 24 * 3600;

export interface Device {
  userId: number;
  /** The random id of this browser. */
  id: string;
}

const signature = (secret: string, userId: number, id: string) =>
  createHmac('sha256', secret).update(`spotlight-device:${userId}:${id}`).digest('base64url');

/** The cookie value naming `device`. */
export const deviceCookieValue = (secret: string, device: Device) =>
  `${device.userId}.${device.id}.${signature(secret, device.userId, device.id)}`;

/** A new device of `userId`, or the same one again when the browser already was one of its. */
export const deviceFor = (userId: number, known: Device | undefined): Device =>
  known?.userId === userId ? known : { userId, id: randomBytes(16).toString('base64url') };

/** The device a cookie value names; undefined unless its signature is ours. */
export function readDevice(secret: string, value: string | undefined): Device | undefined {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return undefined;
  const userId = Number(match[1]);
  const id = match[2]!;
  const expected = Buffer.from(signature(secret, userId, id));
  const given = Buffer.from(match[3]!);
  return timingSafeEqual(expected, given) ? { userId, id } : undefined;
}
