/** Where the problem is: a pin on the map, or a phone's position fix with its accuracy. */
export interface Pin {
  lat: number;
  lon: number;
  /** Radius of the device's position fix; absent when the resident placed the pin by hand. */
  accuracyM?: number;
}

/** What the resident has filled in so far. */
export interface ReportDraft {
  pin: Pin | null;
  category: string;
  description: string;
  address: string;
  reporterName: string;
  reporterPhone: string;
  reporterEmail: string;
  photos: File[];
}

export type FieldName =
  | 'location' | 'category' | 'description' | 'address'
  | 'reporter_name' | 'reporter_phone' | 'reporter_email' | 'photos';

/** Per field, the i18n key of what is wrong with it. */
export type FieldErrors = Partial<Record<FieldName, string>>;

// The server's limits (server/src/reports/schemas.ts and photos.ts), checked here first so the
// resident hears about them before uploading 30 MB of photos; the server checks them again.
export const limits = {
  descriptionMin: 10,
  descriptionMax: 2000,
  addressMax: 300,
  reporterNameMax: 100,
  reporterEmailMax: 254,
  photos: 3,
  photoBytes: 10 * 1024 * 1024,
  /** The largest accuracy radius the API accepts. */
  accuracyMaxM: 10_000,
};
const phonePattern = /^\+?[0-9][0-9 ()-]{5,19}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a set of photos, or undefined when they may be sent. */
export function photoProblem(photos: File[]): string | undefined {
  if (photos.length > limits.photos) return 'errors.photos.tooMany';
  if (photos.some((p) => p.size > limits.photoBytes)) return 'errors.photos.tooLarge';
  // Some phones give HEIC photos no MIME type; the server recognises them by their content.
  if (photos.some((p) => p.type !== '' && !p.type.startsWith('image/'))) return 'errors.photos.notImage';
  return undefined;
}

export function checkDraft(draft: ReportDraft): FieldErrors {
  const errors: FieldErrors = {};
  const description = draft.description.trim();
  if (!draft.pin) errors.location = 'errors.location.missing';
  if (!draft.category) errors.category = 'errors.category.missing';
  if (description.length < limits.descriptionMin || description.length > limits.descriptionMax) {
    errors.description = 'errors.description.length';
  }
  if (draft.address.trim().length > limits.addressMax) errors.address = 'errors.address.tooLong';
  if (draft.reporterName.trim().length > limits.reporterNameMax) errors.reporter_name = 'errors.reporterName.tooLong';
  const phone = draft.reporterPhone.trim();
  if (phone && !phonePattern.test(phone)) errors.reporter_phone = 'errors.reporterPhone.invalid';
  const email = draft.reporterEmail.trim();
  if (email && (!emailPattern.test(email) || email.length > limits.reporterEmailMax)) {
    errors.reporter_email = 'errors.reporterEmail.invalid';
  }
  const photos = photoProblem(draft.photos);
  if (photos) errors.photos = photos;
  return errors;
}
