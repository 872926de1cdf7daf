import { createHmac } from 'node:crypto';
import type { IceServer, IceServersResponse } from '@spotlight/contracts';
import type { Config } from '../../config';

/**
 * ICE servers for a user: STUN, plus TURN credentials in coturn's `use-auth-secret` scheme
 * (username `expiry:userId`, password base64(HMAC-SHA1(secret, username))), so that no TURN
 * password is ever stored and each one expires.
 */
export function iceServersFor(
  config: Config,
  userId: number,
  now = Date.now(),
): IceServersResponse {
  const iceServers: IceServer[] = [];
  if (config.STUN_SERVER.length) iceServers.push({ urls: config.STUN_SERVER });
  if (!config.TURN_SERVER.length || !config.TURN_SECRET) return { iceServers, ttlSeconds: 0 };
  const expiry = Math.floor(now / 1000) + config.TURN_TTL_SECONDS;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', config.TURN_SECRET).update(username).digest('base64');
  iceServers.push({ urls: config.TURN_SERVER, username, credential });
  return { iceServers, ttlSeconds: config.TURN_TTL_SECONDS };
}
