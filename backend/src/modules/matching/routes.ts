import { api, HEAT_SHEET_CSV_MAX } from '@spotlight/contracts';
import express, { type RequestHandler, type Router } from 'express';
import { mountEndpoint, type Authenticate } from '../../http/route';
import type { MatchingService } from './service';

/** `Content-Type: text/csv`: the raw body is the sheet's CSV, as `{ csv }` would carry it. */
const csvBody: RequestHandler[] = [
  express.text({ type: 'text/csv', limit: HEAT_SHEET_CSV_MAX + 1024 }),
  (req, _res, next) => {
    if (typeof req.body === 'string') req.body = { csv: req.body };
    next();
  },
];

export function mountMatchingRoutes(
  router: Router,
  matching: MatchingService,
  authenticate: Authenticate,
) {
  const { sheet } = matching;
  mountEndpoint(router, api.heats.get, authenticate, ({ params }) => sheet.get(params.id));
  mountEndpoint(
    router,
    api.heats.put,
    authenticate,
    ({ user, params, body }) => sheet.put(user.id, params.id, body),
    ...csvBody,
  );
  mountEndpoint(router, api.heats.updateSettings, authenticate, ({ user, params, body }) =>
    sheet.updateSettings(user.id, params.id, body),
  );
  mountEndpoint(router, api.heats.getMine, authenticate, ({ user, params }) =>
    sheet.getMine(user.id, params.id),
  );
  mountEndpoint(router, api.heats.putMine, authenticate, ({ user, params, body }) =>
    sheet.putMine(user.id, params.id, body),
  );
  mountEndpoint(router, api.heats.run, authenticate, ({ user, params }) =>
    matching.run(user.id, params.id),
  );
  mountEndpoint(router, api.heats.runs, authenticate, ({ user, params }) =>
    matching.runs(user.id, params.id),
  );
  mountEndpoint(router, api.recordings.list, authenticate, ({ user, params }) =>
    matching.list(user.id, params.id),
  );
  mountEndpoint(router, api.recordings.update, authenticate, ({ user, params, body }) =>
    matching.answer(user.id, params.id, body.status),
  );
}
