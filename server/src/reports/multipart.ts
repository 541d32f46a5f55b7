import type { FastifyRequest } from 'fastify';
import { Compile } from 'typebox/compile';
import { appError } from '../http/error-catalogue.ts';
import { refuseNul } from '../http/validation.ts';
import { ReportSubmission } from './schemas.ts';

const checkSubmission = Compile(ReportSubmission);

const numberFields = new Set(['lat', 'lon', 'accuracy_m']);
const reporterFields: Record<string, 'name' | 'phone' | 'email'> = {
  reporter_name: 'name',
  reporter_phone: 'phone',
  reporter_email: 'email',
};

/** Text fields of the form, shaped like the JSON body (numbers parsed, reporter_* nested). */
function shapeFields(fields: Record<string, string>): Record<string, unknown> {
  const shaped: Record<string, unknown> = {};
  const reporter: Record<string, string> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const value = raw.trim();
    if (value === '') continue;
    if (name in reporterFields) reporter[reporterFields[name]] = value;
    else if (numberFields.has(name)) shaped[name] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    else shaped[name] = raw;
  }
  if (Object.keys(reporter).length > 0) shaped.reporter = reporter;
  return shaped;
}

export function validateSubmission(body: unknown): ReportSubmission {
  if (checkSubmission.Check(body)) return body;
  const details = checkSubmission.Errors(body).map((e) => ({
    field: [e.instancePath.slice(1).replace(/\//g, '.'), (e.params as { requiredProperties?: string[] }).requiredProperties?.join(',')]
      .filter(Boolean).join('.') || 'body',
    problem: e.message,
  }));
  throw appError('VALIDATION_FAILED', { details });
}

/**
 * Reads a multipart/form-data submission: text fields and up to 3 files named `photos`.
 * Size and count limits are enforced while streaming (see the multipart plugin's limits).
 */
export async function readMultipartSubmission(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  const uploads: Buffer[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photos') {
        part.file.resume();
        throw appError('VALIDATION_FAILED', { details: [{ field: part.fieldname, problem: 'unexpected file field; photos go in "photos"' }] });
      }
      uploads.push(await part.toBuffer());
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  refuseNul('body', fields);
  return { fields: validateSubmission(shapeFields(fields)), uploads };
}
