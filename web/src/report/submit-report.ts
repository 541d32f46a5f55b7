import { fetchJson } from '../api.ts';
import type { PublicReport } from './public-report.ts';
import { limits, type ReportDraft } from './report-draft.ts';

/**
 * A key for the Idempotency-Key header, made once per opened form. crypto.randomUUID exists only
 * on secure origins, so a phone testing the app over plain http on the LAN gets the same kind of
 * version-4 UUID from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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

/**
 * Sends the report. The same idempotency key on a retry means that if the first attempt did
 * reach the server (and only the answer was lost), the server returns that report instead of
 * storing a second one.
 */
export function submitReport(draft: ReportDraft, idempotencyKey: string): Promise<PublicReport> {
  // 201 for a new report, 200 when the server recognised a retry of one it already stored.
  return fetchJson<PublicReport>('/api/reports', {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: reportFormData(draft),
  });
}
