/**
 * A push service on 127.0.0.1 for tests, standing in for FCM or Mozilla's autopush: it checks
 * each request's VAPID JWT (ES256, aud = its origin, exp within 24 hours, the server's public
 * key) and decrypts the aes128gcm body (RFC 8291) with the private key of a subscription the
 * test generated (a "browser"), with node:crypto only; no code shared with web-push.
 */
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
  type ECDH,
} from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PushPayload, type PushSubscriptionBody } from '@spotlight/contracts';

/** One push as the phone would show it, after every check passed. */
export interface ReceivedPush {
  deviceId: string;
  payload: PushPayload;
  ttl: number;
  urgency: string | undefined;
}

/** A refused or undecryptable request: what was wrong. */
export interface RejectedPush {
  deviceId: string;
  reason: string;
}

interface Device {
  id: string;
  ecdh: ECDH;
  auth: Buffer;
  /** Status codes to answer with next, in order (then 201). */
  answers: number[];
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');

/** The three keys of an uncompressed P-256 point as a JWK. */
function publicKeyFromRaw(raw: Buffer) {
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64(raw.subarray(1, 33)), y: b64(raw.subarray(33, 65)) },
    format: 'jwk',
  });
}

/** Checks `Authorization: vapid t=<jwt>, k=<key>`; returns the problem, or undefined. */
function checkVapid(header: string | undefined, origin: string, serverKey: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) return `bad Authorization header: ${header}`;
  const [, jwt, key] = match as unknown as [string, string, string];
  if (key !== serverKey) return 'k is not the server VAPID public key';
  const [head, body, signature] = jwt.split('.');
  if (!head || !body || !signature) return 'malformed JWT';
  const header64 = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (header64.alg !== 'ES256') return `alg ${header64.alg}`;
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKeyFromRaw(Buffer.from(key, 'base64url')), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) return 'JWT signature does not verify';
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (claims.aud !== origin) return `aud ${claims.aud} is not ${origin}`;
  const now = Date.now() / 1000;
  if (!claims.exp || claims.exp <= now || claims.exp > now + 24 * 3600) return 'exp out of range';
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) return 'sub missing';
  return undefined;
}

/** Decrypts an aes128gcm body (RFC 8188 framing, RFC 8291 keys) for one device. */
export function decryptAes128gcm(body: Buffer, device: Pick<Device, 'ecdh' | 'auth'>): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not a P-256 key`);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const receiverPublic = device.ecdh.getPublicKey();
  const secret = device.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublic, senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, device.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

export interface TestPushService {
  origin: string;
  received: ReceivedPush[];
  rejected: RejectedPush[];
  /** A new "browser": its subscription, as PushSubscription.toJSON() gives it. */
  device(): { id: string; subscription: PushSubscriptionBody };
  /** The next requests to this device get these statuses (then 201 again). */
  answerNext(deviceId: string, ...statuses: number[]): void;
  /** Resolves with the next push to `deviceId` that matches. */
  next(deviceId: string, accept?: (push: ReceivedPush) => boolean): Promise<ReceivedPush>;
  /** Every request that reached this device so far (accepted or not). */
  attempts(deviceId: string): number;
  close(): Promise<void>;
}

export async function startTestPushService(serverKey: () => string): Promise<TestPushService> {
  const devices = new Map<string, Device>();
  const attempts = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const rejected: RejectedPush[] = [];
  const waiters: {
    deviceId: string;
    accept: (p: ReceivedPush) => boolean;
    resolve: (p: ReceivedPush) => void;
  }[] = [];
  let counter = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const deviceId = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
      const device = devices.get(deviceId);
      attempts.set(deviceId, (attempts.get(deviceId) ?? 0) + 1);
      const refuse = (status: number, reason: string) => {
        rejected.push({ deviceId, reason });
        res.writeHead(status).end(reason);
      };
      if (!device || req.method !== 'POST') return refuse(404, 'no such subscription');
      const problem = checkVapid(req.headers.authorization, origin, serverKey());
      if (problem) return refuse(401, problem);
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(400, 'not aes128gcm');
      const ttl = Number(req.headers.ttl);
      if (!Number.isInteger(ttl) || ttl < 0) return refuse(400, 'no TTL');
      const status = device.answers.shift();
      if (status !== undefined) {
        res.writeHead(status).end();
        return;
      }
      let payload: PushPayload;
      try {
        payload = PushPayload.strict().parse(
          JSON.parse(decryptAes128gcm(Buffer.concat(chunks), device)),
        );
      } catch (error) {
        return refuse(400, `cannot decrypt: ${String(error)}`);
      }
      const push = { deviceId, payload, ttl, urgency: req.headers.urgency as string | undefined };
      received.push(push);
      res.writeHead(201, { location: `/message/${received.length}` }).end();
      for (const waiter of [...waiters]) {
        if (waiter.deviceId === deviceId && waiter.accept(push)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(push);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    rejected,
    device() {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = `d${++counter}-${randomBytes(4).toString('hex')}`;
      devices.set(id, { id, ecdh, auth, answers: [] });
      return {
        id,
        subscription: {
          endpoint: `${origin}/push/${id}`,
          expirationTime: null,
          keys: { p256dh: b64(ecdh.getPublicKey()), auth: b64(auth) },
        },
      };
    },
    answerNext(deviceId, ...statuses) {
      devices.get(deviceId)!.answers.push(...statuses);
    },
    next(deviceId, accept = () => true) {
      const seen = received.find((push) => push.deviceId === deviceId && accept(push));
      if (seen) {
        received.splice(received.indexOf(seen), 1);
        return Promise.resolve(seen);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no push reached ${deviceId}; refused: ${JSON.stringify(rejected)}`)),
          20_000,
        );
        waiters.push({
          deviceId,
          accept,
          resolve: (push) => {
            clearTimeout(timer);
            received.splice(received.indexOf(push), 1);
            resolve(push);
          },
        });
      });
    },
    attempts: (deviceId) => attempts.get(deviceId) ?? 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
