import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isConnectionLoss } from '../db/connection-loss.ts';
import { sqlState } from '../db/database.ts';
import { AppError, type ErrorBody } from './app-error.ts';
import { appError, withStatus, type FixedCode } from './error-catalogue.ts';

// Fastify's and its plugins' own refusals of malformed requests.
const fastifyCodes: Record<string, FixedCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'PHOTO_TOO_LARGE',
  FST_FILES_LIMIT: 'TOO_MANY_PHOTOS',
  FST_PARTS_LIMIT: 'TOO_MANY_PARTS',
  FST_PROTO_VIOLATION: 'MALFORMED_MULTIPART',
  FST_MP_PREMATURE_CLOSE: 'MALFORMED_MULTIPART',
};

// The form parser (busboy) reports a truncated or boundary-less form as a plain Error.
const malformedMultipart = /^(Multipart: Boundary not found|Boundary required|.*unexpected end of multipart data)$/i;

// SQLSTATEs a request can cause (a race, a value the column refuses); a database out of reach
// is told by isConnectionLoss (db/connection-loss.ts); any other database error is a defect
// and answers 500.
const sqlStateCodes: Record<string, FixedCode> = {
  '23505': 'CONFLICT', // unique_violation: usually two requests creating the same thing at once
  '23503': 'UNKNOWN_REFERENCE', // foreign_key_violation
  '23514': 'VALUE_NOT_ALLOWED', // check_violation
  '22P02': 'INVALID_VALUE', // invalid_text_representation
  '22003': 'INVALID_VALUE', // numeric_value_out_of_range
  '22007': 'INVALID_VALUE', // invalid_datetime_format
  '22008': 'INVALID_VALUE', // datetime_field_overflow
  '22021': 'INVALID_VALUE', // character_not_in_repertoire: a NUL in text
  '22P05': 'INVALID_VALUE', // untranslatable_character: \u0000 in jsonb
  '54000': 'INVALID_VALUE', // program_limit_exceeded: e.g. a value too long for its index
};

// Unique indexes whose violation has a more telling code than CONFLICT.
const uniqueIndexCodes: Record<string, FixedCode> = {
  staff_email_idx: 'STAFF_EXISTS',
};

/** Seconds a client should wait before retrying while the database is unavailable. */
export const retryAfterSeconds = 5;

/** The refusal a database error stands for, or undefined when it is a defect. */
function fromDatabase(error: Error): AppError | undefined {
  if (isConnectionLoss(error)) return appError('DATABASE_UNAVAILABLE');
  const state = sqlState(error);
  const code = state && sqlStateCodes[state];
  if (!code) return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  if (state === '23505' && typeof constraint === 'string' && uniqueIndexCodes[constraint]) {
    return appError(uniqueIndexCodes[constraint]);
  }
  return appError(code);
}

function validationDetails(error: FastifyError) {
  return error.validation!.map((v) => ({
    field: [error.validationContext, v.instancePath.slice(1).replace(/\//g, '.'), (v.params as { missingProperty?: string }).missingProperty]
      .filter(Boolean)
      .join('.'),
    problem: v.message,
  }));
}

function bodyOf(refusal: AppError): ErrorBody {
  const { code, messages, details } = refusal;
  return { error: { code, message: messages.en, message_id: messages.id, message_en: messages.en, details } };
}

/** Retry-After for a refusal that says when to come back; the same under every error format. */
export function setRetryAfter(reply: FastifyReply, refusal: AppError) {
  // However it was raised, an unreachable database tells the client when to try again.
  if (refusal.code === 'DATABASE_UNAVAILABLE') reply.header('retry-after', String(retryAfterSeconds));
  // A refusal that names when to come back (a limit's window, a full queue) says so in Retry-After too.
  const retryAfter = (refusal.details as { retry_after_seconds?: unknown } | undefined)?.retry_after_seconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
}

/** How a refusal is written: ErrorResponse, or another shape a standard asks for (OGC exceptions under /ogc). */
export type ErrorWriter = (refusal: AppError) => unknown;

function send(reply: FastifyReply, refusal: AppError, write: ErrorWriter = bodyOf) {
  setRetryAfter(reply, refusal);
  return reply.status(refusal.statusCode).send(write(refusal));
}

/**
 * The refusal any error stands for: our own, a schema's, Fastify's, the database's; a defect is
 * logged and becomes INTERNAL_ERROR. Shared by this handler and those that answer in another
 * format (open311/errors.ts).
 */
export function refusalOf(error: FastifyError | AppError, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return appError('VALIDATION_FAILED', { details: validationDetails(error) });
  const known = fastifyCodes[error.code ?? ''];
  if (known) return appError(known);
  if (!error.code && malformedMultipart.test(error.message)) return appError('MALFORMED_MULTIPART');

  const refusal = fromDatabase(error);
  if (refusal?.code === 'DATABASE_UNAVAILABLE') {
    // An operational state, not a defect: one line, without the stack.
    request.log.warn(`database unavailable: ${error.message}`);
    return refusal;
  }
  if (refusal) {
    // Logged with the SQL error; the client sees only the code and the catalogue's messages.
    request.log.warn({ err: error }, 'database refused the request');
    return refusal;
  }

  const status = error.statusCode;
  if (status && status >= 400 && status < 500) {
    // A refusal of Fastify's that the table above does not name keeps its status.
    return withStatus(appError('BAD_REQUEST', { problem: error.message }), status);
  }
  request.log.error({ err: error }, 'unhandled error');
  return appError('INTERNAL_ERROR');
}

/** The error handler of the app, or of one plugin's routes when `write` gives them another shape. */
export function registerErrorHandler(app: FastifyInstance, write: ErrorWriter = bodyOf): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => send(reply, refusalOf(error, request), write));
}

export function notFound(request: FastifyRequest, reply: FastifyReply, write: ErrorWriter = bodyOf) {
  return send(reply, appError('NOT_FOUND', { method: request.method, url: request.url }), write);
}
