import { Type } from 'typebox';

/** A message a person reads, in the two languages the app speaks. */
export interface Messages {
  id: string;
  en: string;
}

/**
 * The one error type the app raises on purpose: a stable machine-readable code, an HTTP status,
 * and a message in Indonesian and English. Each is made by `appError` from its entry in
 * error-catalogue.ts; the error handler turns it into JSON.
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
    details: Type.Optional(Type.Unknown({
      description: 'Depends on the code: {field, problem}[] for VALIDATION_FAILED, the allowed targets for INVALID_TRANSITION, …',
    })),
  }),
});

export interface ErrorBody {
  error: { code: string; message: string; message_id: string; message_en: string; details?: unknown };
}
