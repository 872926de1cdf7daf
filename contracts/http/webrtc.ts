import { z } from 'zod';
import { defineEndpoint } from './endpoint';

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

export const IceServersResponse = z.object({
  iceServers: z.array(IceServer),
  /** Seconds the TURN credentials stay valid; 0 when there are none. */
  ttlSeconds: z.number().int().min(0),
});
export type IceServersResponse = z.infer<typeof IceServersResponse>;

export const webrtcEndpoints = {
  iceServers: defineEndpoint({
    method: 'GET',
    path: '/api/webrtc/ice-servers',
    auth: 'user',
    tag: 'webrtc',
    summary: 'STUN, and TURN with time-limited credentials (coturn use-auth-secret)',
    response: IceServersResponse,
  }),
} as const;
