import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint at all. Finer rules (participant of this event, party to this
 * match) live in the services and are listed per endpoint in the authorisation matrix test.
 */
export type EndpointAuth = 'public' | 'user';

export interface EndpointDef {
  method: HttpMethod;
  /** Express-style path: `/api/events/:id`. */
  path: string;
  auth: EndpointAuth;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** The status of a success; 200 unless said. */
  status?: 200 | 201 | 202;
  /** Error codes this endpoint can answer with, for the OpenAPI document. */
  errors?: readonly string[];
}

/** Identity function that keeps the literal types of an endpoint definition. */
export const defineEndpoint = <const T extends EndpointDef>(def: T): T => def;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Input<T> = T extends z.ZodType ? z.input<T> : undefined;

export type ParamsOf<E extends EndpointDef> = Infer<E['params']>;
export type QueryOf<E extends EndpointDef> = Infer<E['query']>;
export type BodyOf<E extends EndpointDef> = Infer<E['body']>;
export type ResponseOf<E extends EndpointDef> = z.infer<E['response']>;

/** What a client passes: the schemas' input types, so defaults may be left out. */
export type RequestOf<E extends EndpointDef> = (E['params'] extends z.ZodType
  ? { params: Input<E['params']> }
  : { params?: undefined }) &
  (E['query'] extends z.ZodType ? { query?: Input<E['query']> } : { query?: undefined }) &
  (E['body'] extends z.ZodType ? { body: Input<E['body']> } : { body?: undefined });

/** Fills `:name` segments of a path from params, URI-encoded. */
export function buildPath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
