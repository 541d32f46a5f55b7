import { Type } from 'typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A message a person reads, in the two languages the app speaks. */
export interface Messages {
  id: string;
  en: string;
}

/**
 * The one error type the app raises on purpose: a stable machine-readable code, an HTTP status,
 * and a message in Indonesian and English. The error handler turns it into JSON.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messages: Messages,
    readonly details?: unknown,
  ) {
    super(messages.en);
  }
}

/** The JSON body of every error response. */
export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    message_id: Type.String(),
    message_en: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

export interface ErrorBody {
  error: { code: string; message: string; message_id: string; message_en: string; details?: unknown };
}

function body(code: string, messages: Messages, details?: unknown): ErrorBody {
  return { error: { code, message: messages.en, message_id: messages.id, message_en: messages.en, details } };
}

// Fastify's own errors for malformed requests, mapped to codes and bilingual messages.
const fastifyCodes: Record<string, { code: string; messages: Messages }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    messages: { id: 'Isi permintaan bukan JSON yang sah.', en: 'The request body is not valid JSON.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_JSON',
    messages: { id: 'Isi permintaan JSON kosong.', en: 'The JSON request body is empty.' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'BODY_TOO_LARGE',
    messages: { id: 'Isi permintaan terlalu besar.', en: 'The request body is too large.' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    messages: { id: 'Jenis isi permintaan tidak didukung.', en: 'The request content type is not supported.' },
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: 'PHOTO_TOO_LARGE',
    messages: { id: 'Foto terlalu besar (maksimal 10 MB).', en: 'A photo is too large (10 MB at most).' },
  },
  FST_FILES_LIMIT: {
    code: 'TOO_MANY_PHOTOS',
    messages: { id: 'Paling banyak 3 foto.', en: 'At most 3 photos.' },
  },
  FST_PARTS_LIMIT: {
    code: 'TOO_MANY_PARTS',
    messages: { id: 'Terlalu banyak bagian dalam formulir.', en: 'Too many form parts.' },
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    messages: { id: 'Formulir harus multipart/form-data.', en: 'The form must be multipart/form-data.' },
  },
};

export function validationError(details: unknown): AppError {
  return new AppError(
    400,
    'VALIDATION_FAILED',
    { id: 'Isian tidak lengkap atau tidak sah.', en: 'Some fields are missing or invalid.' },
    details,
  );
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.statusCode).send(body(error.code, error.messages, error.details));
    }
    if ((error as FastifyError).validation) {
      const fe = error as FastifyError;
      const details = fe.validation!.map((v) => ({
        field: [fe.validationContext, v.instancePath.slice(1).replace(/\//g, '.'), (v.params as { missingProperty?: string }).missingProperty]
          .filter(Boolean)
          .join('.'),
        problem: v.message,
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', validationError(null).messages, details));
    }
    const known = fastifyCodes[(error as FastifyError).code ?? ''];
    if (known) {
      const status = (error as FastifyError).statusCode ?? 400;
      return reply.status(status >= 400 && status < 500 ? status : 400).send(body(known.code, known.messages));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send(
        body('BAD_REQUEST', { id: 'Permintaan tidak dapat diproses.', en: error.message }),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(
      body('INTERNAL_ERROR', { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' }),
    );
  });
}

export function notFound(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send(
    body('NOT_FOUND', { id: 'Alamat tidak ditemukan.', en: `No route for ${request.method} ${request.url}.` }),
  );
}
