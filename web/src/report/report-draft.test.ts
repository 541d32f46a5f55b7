import { describe, expect, it } from 'vitest';
import { checkDraft, photoProblem, type ReportDraft } from './report-draft.ts';

const draft: ReportDraft = {
  pin: { lat: -6.17, lon: 106.632 }, category: 'jalan_rusak', description: 'Jalan berlubang di depan sekolah',
  address: '', reporterName: '', reporterPhone: '', reporterEmail: '', photos: [],
};
const photo = (bytes: number, type = 'image/jpeg') => new File([new Uint8Array(bytes)], 'foto.jpg', { type });

describe('checkDraft', () => {
  it('accepts a complete report without contact details or photos', () => {
    expect(checkDraft(draft)).toEqual({});
  });

  it('asks for a pin, a category and a description of at least 10 characters', () => {
    expect(checkDraft({ ...draft, pin: null, category: '', description: '  pendek  ' })).toEqual({
      location: 'errors.location.missing',
      category: 'errors.category.missing',
      description: 'errors.description.length',
    });
  });

  it('refuses a phone number or email the server would refuse', () => {
    const errors = checkDraft({ ...draft, reporterPhone: 'call me', reporterEmail: 'siti@' });
    expect(errors.reporter_phone).toBe('errors.reporterPhone.invalid');
    expect(errors.reporter_email).toBe('errors.reporterEmail.invalid');
    expect(checkDraft({ ...draft, reporterPhone: '+62 812-3456-7890', reporterEmail: 'siti@example.id' })).toEqual({});
  });
});

describe('photoProblem', () => {
  it('allows three photos of up to 10 MB and refuses a fourth or a larger one', () => {
    expect(photoProblem([photo(10), photo(10), photo(10 * 1024 * 1024)])).toBeUndefined();
    expect(photoProblem([photo(10), photo(10), photo(10), photo(10)])).toBe('errors.photos.tooMany');
    expect(photoProblem([photo(10 * 1024 * 1024 + 1)])).toBe('errors.photos.tooLarge');
  });

  it('refuses a file that says it is not an image, but not one with no type at all (HEIC on some phones)', () => {
    expect(photoProblem([photo(10, 'application/pdf')])).toBe('errors.photos.notImage');
    expect(photoProblem([photo(10, '')])).toBeUndefined();
  });
});
