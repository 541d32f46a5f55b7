import { randomUuid } from '../random-uuid.ts';
import { limits, type ReportDraft } from './report-draft.ts';

/** A key for the Idempotency-Key header, made once per opened form. */
export const newIdempotencyKey = randomUuid;

/** The draft as the multipart form POST /api/reports reads; empty optional fields are left out. */
export function reportFormData(draft: ReportDraft): FormData {
  const form = new FormData();
  const pin = draft.pin!;
  form.set('category', draft.category);
  form.set('description', draft.description.trim());
  // 7 decimals is about 1 cm: more would only be noise from the map's pixel maths.
  form.set('lat', pin.lat.toFixed(7));
  form.set('lon', pin.lon.toFixed(7));
  if (pin.accuracyM !== undefined && pin.accuracyM <= limits.accuracyMaxM) {
    form.set('accuracy_m', pin.accuracyM.toFixed(1));
  }
  const optional = {
    address: draft.address,
    reporter_name: draft.reporterName,
    reporter_phone: draft.reporterPhone,
    reporter_email: draft.reporterEmail,
  };
  for (const [name, value] of Object.entries(optional)) {
    if (value.trim()) form.set(name, value.trim());
  }
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}
