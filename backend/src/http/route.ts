import {
  hasNulCharacter,
  type BodyOf,
  type EndpointDef,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '@spotlight/contracts';
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { badRequest, validationError } from '../errors';
import type { AuthUser } from './context';

export interface RouteContext<E extends EndpointDef> {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  user: E['auth'] extends 'user' ? AuthUser : AuthUser | null;
  req: Request;
  res: Response;
}

export type RouteHandler<E extends EndpointDef> = (
  ctx: RouteContext<E>,
) => Promise<ResponseOf<E>> | ResponseOf<E>;

/** Resolves the signed-in user of a request, or throws a 401. Set by the app. */
export type Authenticate = (req: Request) => Promise<AuthUser>;

const parse = (schema: z.ZodType | undefined, value: unknown, where: string) => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
};

/**
 * Mounts one endpoint of the contract: authenticates, validates params, query and body with
 * its schemas, calls the handler, and sends the result through the response schema, which
 * drops any field the contract does not list (an email can never leak by accident).
 */
export function mountEndpoint<E extends EndpointDef>(
  router: Router,
  def: E,
  authenticate: Authenticate,
  handler: RouteHandler<E>,
  ...before: RequestHandler[]
): void {
  const method = def.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](def.path, ...before, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = def.auth === 'user' ? await authenticate(req) : null;
      if (hasNulCharacter([req.params, req.query, req.body])) {
        throw badRequest('Text must not contain NUL characters');
      }
      const params = parse(def.params, req.params, 'params');
      const query = parse(def.query, req.query, 'query');
      const body = parse(def.body, req.body, 'body');
      res.locals.route = def.path;
      const result = await handler({ params, query, body, user, req, res } as RouteContext<E>);
      if (res.headersSent) return;
      // A handler may choose another status for its body (readiness answers 503).
      const status = res.statusCode === 200 ? (def.status ?? 200) : res.statusCode;
      res.status(status).json(def.response.parse(result));
    } catch (error) {
      next(error);
    }
  });
}
