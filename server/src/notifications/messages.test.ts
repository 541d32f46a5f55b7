import { describe, expect, it } from 'vitest';
import { withoutContacts } from './deliveries.ts';
import { reporterEmail, supervisorEmail } from './messages.ts';
import type { EventToTell } from './queries.ts';

const base = 'https://petawarga.example';
const event = (e: Partial<EventToTell>): EventToTell => ({
  event_id: 1, kind: 'status_changed', is_public: true, new_status: null, reason: null, agency: null, outcome_reason: null, parent_code: null,
  due_at: null, code: 'TSL-4M8X2R', status: 'published', category_id: 'Sampah Menumpuk', category_en: 'Uncollected rubbish',
  kelurahan_name: 'Pondok Aren', department_name: 'Dinas Lingkungan Hidup Kota Tangerang Selatan',
  reporter_name: null, reporter_email: 'warga@example.org', supervisor_email: null, kelurahan_supervisor_email: null, ...e,
});
const firstLine = (text: string) => text.split('\n')[2];

describe('messages to the reporter', () => {
  it('tells of publication after moderation and of publication on submission alike', () => {
    const moderated = reporterEmail(event({ new_status: 'published' }), base);
    const automatic = reporterEmail(event({ kind: 'published' }), base);
    expect(moderated).toEqual(automatic);
    expect(firstLine(moderated.text)).toBe('Laporan Anda TSL-4M8X2R (Sampah Menumpuk, Kel. Pondok Aren) telah diperiksa dan kini tampil di peta publik.');
  });

  it('points a merged report to the report it follows', () => {
    const mail = reporterEmail(event({ kind: 'merged', new_status: 'duplicate', parent_code: 'TSL-9Q7W3E' }), base);
    expect(mail.text).toContain(`sama dengan laporan TSL-9Q7W3E dan telah digabungkan ke laporan itu; perkembangannya dapat diikuti di ${base}/r/TSL-9Q7W3E`);
    expect(mail.subject).toBe('[PetaWarga] TSL-4M8X2R: digabungkan / merged');
  });

  it("tells a merged report's reporter what happened to the report it follows", () => {
    const mail = reporterEmail(event({ kind: 'parent_status_changed', new_status: 'resolved', parent_code: 'TSL-9Q7W3E', reason: 'Sudah diangkut.' }), base);
    expect(firstLine(mail.text)).toBe('Laporan Anda TSL-4M8X2R (Sampah Menumpuk, Kel. Pondok Aren) mengikuti laporan TSL-9Q7W3E, yang telah selesai ditangani.');
    expect(mail.text).toContain('Your report TSL-4M8X2R (Uncollected rubbish, Pondok Aren) follows report TSL-9Q7W3E, which has been resolved.');
    expect(mail.text).toContain('Tanggapan dinas: "Sudah diangkut."');
  });

  it('names the agency a report was referred to, and the reason a report cannot be fixed, with the explanation', () => {
    const referred = reporterEmail(event({
      new_status: 'referred', agency: 'BBPJN Banten', reason: 'Jalan nasional dipelihara oleh Kementerian PU.',
    }), base);
    expect(firstLine(referred.text)).toBe(
      'Laporan Anda TSL-4M8X2R (Sampah Menumpuk, Kel. Pondok Aren) bukan wewenang Pemerintah Kota dan telah dirujuk ke BBPJN Banten.');
    expect(referred.text).toContain('has been referred to BBPJN Banten.');
    expect(referred.text).toContain('Tanggapan dinas: "Jalan nasional dipelihara oleh Kementerian PU."');
    expect(referred.subject).toBe('[PetaWarga] TSL-4M8X2R: dirujuk ke instansi lain / referred to another agency');
    const cannotFix = reporterEmail(event({ new_status: 'cannot_fix', outcome_reason: 'lahan milik pribadi', reason: 'Kami sudah menyurati pemilik.' }), base);
    expect(firstLine(cannotFix.text)).toContain('tidak dapat diperbaiki, karena lahan milik pribadi.');
    expect(cannotFix.text).toContain('Tanggapan dinas: "Kami sudah menyurati pemilik."');
    expect(reporterEmail(event({ new_status: 'no_action_needed', reason: 'Sudah bersih.' }), base).subject)
      .toBe('[PetaWarga] TSL-4M8X2R: tidak perlu tindakan / no action needed');
  });

  it('gives a new deadline in Jakarta time', () => {
    const mail = reporterEmail(event({ kind: 'deadline_changed', due_at: new Date('2026-12-28T16:59:59.999Z') }), base);
    expect(firstLine(mail.text)).toContain('kini memiliki batas waktu penanganan 28 Desember 2026 pukul 23.59 WIB.');
  });
});

describe('messages to a supervisor', () => {
  it('names the report, the department and the missed deadline, without the reporter', () => {
    const mail = supervisorEmail(event({ kind: 'escalated', status: 'in_progress', reporter_name: 'Siti', due_at: new Date('2026-11-20T16:59:59.999Z') }), base);
    expect(mail.subject).toBe('[PetaWarga] TSL-4M8X2R melewati batas waktu / overdue');
    expect(mail.text).toContain('padahal batas waktunya 20 November 2026 pukul 23.59 WIB. Status saat ini: sedang ditangani.');
    expect(mail.text).toContain(`${base}/r/TSL-4M8X2R`);
    expect(mail.text).not.toMatch(/Siti|warga@example/);
  });
});

describe('errors kept about deliveries', () => {
  it('lose addresses and phone numbers', () => {
    expect(withoutContacts('Can\'t send mail - all recipients were rejected: 451 <siti@example.org>: mailbox busy'))
      .toBe('Can\'t send mail - all recipients were rejected: 451 <[address]>: mailbox busy');
    expect(withoutContacts('no route to +62 812-3456-7890 via 127.0.0.1:2525')).toBe('no route to [number] via 127.0.0.1:2525');
  });
});
