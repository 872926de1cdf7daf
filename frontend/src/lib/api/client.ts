import {
  ApiErrorResponse,
  buildPath,
  buildQuery,
  type EndpointDef,
  type ErrorCode,
  type RequestOf,
  type ResponseOf,
  type ValidationIssue,
} from '@spotlight/contracts';

/** Codes the client adds to the server's: no answer at all, or an answer that is not ours. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

/** Every failed API call: the server's stable code and message, or a client-side one. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    readonly details?: unknown,
    /** From a 429's Retry-After: how long until trying again can work. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details` as field issues (`{ path, message }`), when the server sent them. */
  get issues(): ValidationIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ValidationIssue =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as ValidationIssue).path === 'string' &&
        typeof (d as ValidationIssue).message === 'string',
    );
  }

  /** The session is gone: the user must sign in again. */
  get isAuthError() {
    return this.code === 'unauthorized' || this.code === 'session_expired';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export interface ApiClientOptions {
  /** Origin to prefix paths with; '' (same origin) in the browser. */
  baseUrl?: string;
  /** Extra headers on every call, e.g. `Authorization: Bearer …` outside a browser. */
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export type ApiCall = <E extends EndpointDef>(
  endpoint: E,
  request?: RequestOf<E>,
  init?: { signal?: AbortSignal },
) => Promise<ResponseOf<E>>;

/** The query string of the values a user filled in: empty form fields are left out too. */
const toSearch = (query: Record<string, unknown> | undefined) =>
  buildQuery(
    query && Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '')),
  );

/**
 * A typed client over the shared contract: `call(api.events.get, { params: { id } })`.
 * Cookies ride along same-origin; every failure becomes an ApiError.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiCall {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  return async (endpoint, request, init) => {
    const req = (request ?? {}) as {
      params?: Record<string, unknown>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const url = baseUrl + buildPath(endpoint.path, req.params) + toSearch(req.query);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await doFetch(url, {
        method: endpoint.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        credentials: 'same-origin',
        signal: init?.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError('network_error', 'No connection to the server', 0);
    }

    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }

    if (response.ok) {
      if (body === undefined) {
        throw new ApiError('bad_response', 'The server sent an unreadable answer', response.status);
      }
      return body as ResponseOf<typeof endpoint>;
    }

    const parsed = ApiErrorResponse.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiError(
        code,
        message,
        response.status,
        details,
        retryAfter > 0 ? retryAfter : undefined,
      );
    }
    // A proxy or an offline service worker answered, not the API.
    throw new ApiError(
      response.status >= 500 ? 'service_unavailable' : 'bad_response',
      response.status >= 500
        ? 'The server is not available right now'
        : `Unexpected answer (${response.status})`,
      response.status,
    );
  };
}

/** The app's client: same origin, cookie session. */
export const apiCall: ApiCall = createApiClient();
