import type { DigestReport } from './digest.ts';
import type { Email } from '../notifications/messages.ts';

// The supervisors' daily digest (escalation/digest-job.ts): Indonesian first, English below, one
// line per overdue report with a link to it in the staff console.

const late = (days: number, language: 'id' | 'en') => {
  if (language === 'id') return days === 0 ? 'lewat hari ini' : `terlambat ${days} hari`;
  if (days === 0) return 'due earlier today';
  return days === 1 ? '1 day overdue' : `${days} days overdue`;
};

export function digestEmail(reports: DigestReport[], publicBaseUrl: string): Email {
  const line = (r: DigestReport, language: 'id' | 'en') => {
    const category = language === 'id' ? r.category_id : r.category_en;
    const kelurahan = language === 'id' ? `Kel. ${r.kelurahan_name}` : r.kelurahan_name;
    return `- ${r.code} · ${category} · ${kelurahan} · ${r.department_name} · ${late(r.days_overdue, language)}\n` +
      `  ${publicBaseUrl}/console/r/${encodeURIComponent(r.code)}`;
  };
  const n = reports.length;
  const text = [
    `Laporan yang melewati batas waktu penanganan dan belum selesai (${n}):`,
    '',
    ...reports.map((r) => line(r, 'id')),
    '',
    `Semua laporan: ${publicBaseUrl}/console`,
    '',
    'Ringkasan ini dikirim otomatis oleh PetaWarga sekali sehari.',
    '',
    '---',
    '',
    `Reports past their deadline and not yet resolved (${n}):`,
    '',
    ...reports.map((r) => line(r, 'en')),
    '',
    `All reports: ${publicBaseUrl}/console`,
    '',
    'PetaWarga sends this digest automatically once a day.',
  ].join('\n');
  return {
    subject: `[PetaWarga] Ringkasan harian: ${n} laporan melewati batas waktu / Daily digest: ${n} overdue`,
    text,
  };
}
