import { api } from '@spotlight/contracts';
import type { Router } from 'express';
import type { Config } from '../../config';
import { mountEndpoint, type Authenticate } from '../../http/route';
import { iceServersFor } from './service';

export function mountWebrtcRoutes(router: Router, config: Config, authenticate: Authenticate) {
  mountEndpoint(router, api.webrtc.iceServers, authenticate, ({ user, res }) => {
    res.set('Cache-Control', 'no-store');
    return iceServersFor(config, user.id);
  });
}
