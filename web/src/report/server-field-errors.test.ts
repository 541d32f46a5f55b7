import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { fieldErrorsFromServer } from './server-field-errors.ts';

const refusal = (status: number, code: string, details?: unknown) =>
  new ApiError(status, code, { id: 'pesan', en: 'message' }, details);

describe('fieldErrorsFromServer', () => {
  it('marks the pin when the server answers OUTSIDE_SERVICE_AREA', () => {
    expect(fieldErrorsFromServer(refusal(422, 'OUTSIDE_SERVICE_AREA'))).toEqual({ location: 'errors.location.outside' });
  });

  it('maps VALIDATION_FAILED details from the multipart and the JSON forms onto form fields', () => {
    const errors = fieldErrorsFromServer(refusal(400, 'VALIDATION_FAILED', [
      { field: 'reporter.email', problem: 'must match format "email"' },
      { field: 'category,description', problem: 'must have required properties' },
      { field: 'body.lat', problem: 'must be <= 90' },
    ]));
    expect(errors).toEqual({
      reporter_email: 'errors.reporterEmail.invalid',
      category: 'errors.category.missing',
      description: 'errors.description.length',
      location: 'errors.location.invalid',
    });
  });

  it('marks nothing for an error that is not about a field', () => {
    expect(fieldErrorsFromServer(refusal(500, 'INTERNAL_ERROR'))).toEqual({});
  });
});
