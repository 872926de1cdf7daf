import { buildPath, type EndpointDef, type RequestOf, type ResponseOf } from './endpoint';

/** `?key=value…` for the defined values of a query, or '' when there are none. */
export function buildQuery(query?: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls an endpoint of the contract from a script or a test process (Bearer token, JSON);
 * resolves with the body of a 2xx answer and throws with the status and body otherwise.
 */
export async function callEndpoint<E extends EndpointDef>(
  baseUrl: string,
  endpoint: E,
  request: RequestOf<E>,
  token?: string,
): Promise<ResponseOf<E>> {
  const r = request as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl + buildPath(endpoint.path, r.params) + buildQuery(r.query), {
    method: endpoint.method,
    headers,
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${endpoint.path}: ${response.status} ${JSON.stringify(body)}`);
  return body as ResponseOf<E>;
}
