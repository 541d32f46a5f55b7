import type { ApiError } from '../api.ts';
import type { FieldErrors, FieldName } from './report-draft.ts';

// VALIDATION_FAILED names fields as the API's JSON body does (reporter.email, lat); the form
// names them as its multipart fields do.
const formFieldOf: Record<string, FieldName> = {
  lat: 'location',
  lon: 'location',
  accuracy_m: 'location',
  category: 'category',
  description: 'description',
  address: 'address',
  'reporter.name': 'reporter_name',
  'reporter.phone': 'reporter_phone',
  'reporter.email': 'reporter_email',
  photos: 'photos',
};

const messageOf: Record<FieldName, string> = {
  location: 'errors.location.invalid',
  category: 'errors.category.missing',
  description: 'errors.description.length',
  address: 'errors.address.tooLong',
  reporter_name: 'errors.reporterName.tooLong',
  reporter_phone: 'errors.reporterPhone.invalid',
  reporter_email: 'errors.reporterEmail.invalid',
  photos: 'errors.photos.rejected',
};

// Refusals that are about one field although they are not VALIDATION_FAILED.
const fieldOfCode: Record<string, [FieldName, string]> = {
  OUTSIDE_SERVICE_AREA: ['location', 'errors.location.outside'],
  UNKNOWN_CATEGORY: ['category', 'errors.category.missing'],
  TOO_MANY_PHOTOS: ['photos', 'errors.photos.tooMany'],
  PHOTO_TOO_LARGE: ['photos', 'errors.photos.tooLarge'],
  PHOTO_TOO_MANY_PIXELS: ['photos', 'errors.photos.tooManyPixels'],
  PHOTO_NOT_AN_IMAGE: ['photos', 'errors.photos.notImage'],
};

/** The form fields a refused submission points at, each with what to tell the resident. */
export function fieldErrorsFromServer(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  const single = fieldOfCode[error.code];
  if (single) errors[single[0]] = single[1];
  for (const { field } of error.fieldProblems()) {
    // "body.description" from a JSON body; "category,description" when several are missing.
    for (const part of field.replace(/^body\.?/, '').split(',')) {
      const name = formFieldOf[part];
      if (name) errors[name] = messageOf[name];
    }
  }
  return errors;
}
