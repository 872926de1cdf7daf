/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with, and
 * a plain HTML reference page rendered from it.
 */
import { allEndpoints, ApiErrorResponse } from '@spotlight/contracts';
import { z } from 'zod';
import { SESSION_COOKIE } from './modules/auth/service';

type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const parameters = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }));
};

const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, def] of allEndpoints()) {
    const path = openApiPath(def.path);
    const errorCodes = [
      ...(def.body || def.query || def.params ? ['validation_error'] : []),
      ...(def.auth === 'user' ? ['unauthorized'] : []),
      ...(def.errors ?? []),
    ];
    paths[path] ??= {};
    paths[path][def.method.toLowerCase()] = {
      operationId: id,
      summary: def.summary,
      tags: [def.tag],
      security: def.auth === 'user' ? [{ cookieAuth: [] }, { bearerAuth: [] }] : [],
      parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
      ...(def.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(def.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(def.status ?? 200)]: {
          description: 'Success',
          content: { 'application/json': { schema: toSchema(def.response, 'output') } },
        },
        default: {
          description: `Error. Codes: ${[...new Set(errorCodes)].join(', ') || 'internal_error'}`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'spotlight.cam API',
      version,
      description:
        'Find a recording partner at West Coast Swing events. Errors are always `{ error: { code, message, details? } }`. State-changing requests from browsers must come from an allowed Origin.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
      schemas: { Error: toSchema(ApiErrorResponse, 'output') },
    },
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const block = (title: string, value: unknown) =>
  `<details><summary>${title}</summary><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></details>`;

/** A dependency-free, script-free reference page of every endpoint. */
export function renderDocsPage(document: ReturnType<typeof buildOpenApiDocument>) {
  const sections = Object.entries(document.paths)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, raw]) => {
        const op = raw as {
          summary: string;
          tags: string[];
          security: unknown[];
          parameters: unknown[];
          requestBody?: unknown;
          responses: unknown;
        };
        return `<section id="${escapeHtml(`${method}-${path}`)}"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code>${op.security.length ? ' <small>sign-in required</small>' : ''}</h3><p>${escapeHtml(op.summary)}</p>${op.parameters.length ? block('Parameters', op.parameters) : ''}${op.requestBody ? block('Request body', op.requestBody) : ''}${block('Responses', op.responses)}</section>`;
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>spotlight.cam API reference</title><style>body{font:15px/1.5 system-ui,sans-serif;max-width:920px;margin:0 auto;padding:16px;color:#1f2937}h1{font-size:1.5rem}section{border-top:1px solid #e5e7eb;padding:8px 0}h3{font-size:1rem;margin:.4rem 0}.m{display:inline-block;min-width:4.5em;font-size:.8em;padding:2px 6px;border-radius:4px;color:#fff;background:#6b7280}.get{background:#2563eb}.post{background:#059669}.patch{background:#d97706}.delete{background:#dc2626}pre{background:#f3f4f6;padding:8px;overflow:auto;font-size:12px}small{color:#6b7280;font-weight:normal}</style></head><body><h1>spotlight.cam API reference</h1><p>${escapeHtml(document.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>${sections}</body></html>`;
}
