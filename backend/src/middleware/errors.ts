import type { ApiErrorResponse } from '@spotlight/contracts';
import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../errors';
import type { Logger } from '../logger';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Errors from express.json, turned into the API's error codes. */
function fromBodyParser(error: unknown): AppError | undefined {
  const { type, status } = (error ?? {}) as BodyParserError;
  if (!type || !status || status >= 500) return undefined;
  if (type === 'entity.too.large')
    return new AppError('payload_too_large', 'The request body is too large');
  if (type === 'entity.parse.failed')
    return new AppError('validation_error', 'The request body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('unsupported_media_type', 'Send the body as UTF-8 JSON');
  }
  return new AppError('validation_error', 'The request body could not be read');
}

/**
 * Client errors raised inside Express itself (a path segment that is not valid percent-encoded
 * UTF-8, for one), which carry a 4xx status but none of our codes.
 */
function fromHttpError(error: unknown): AppError | undefined {
  const { status, statusCode } = (error ?? {}) as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code >= 500) return undefined;
  if (error instanceof URIError) return new AppError('validation_error', 'The URL is not valid');
  if (code === 413) return new AppError('payload_too_large', 'The request is too large');
  if (code === 415) return new AppError('unsupported_media_type', 'Unsupported content type');
  return new AppError('validation_error', 'The request could not be understood');
}

/** The one error handler: known errors keep their code; anything else is a logged 500. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = isAppError(error) ? error : (fromBodyParser(error) ?? fromHttpError(error));
    if (res.headersSent) {
      logger.error({ err: error, reqId: req.id }, 'error after the response started');
      return;
    }
    if (!known) {
      (req.log ?? logger).error({ err: error }, 'unhandled error');
    }
    const appError = known ?? new AppError('internal_error', 'Something went wrong on our side');
    if (appError.retryAfter) res.set('Retry-After', String(appError.retryAfter));
    const body: ApiErrorResponse = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.details === undefined ? {} : { details: appError.details }),
      },
    };
    res.status(appError.status).json(body);
  };
}
