import type { Messages } from '../http/app-error.ts';
import { isOutcome } from '../lifecycle/transitions.ts';
import type { EventToTell } from './queries.ts';

// The e-mails PetaWarga sends, Indonesian first and English below, each with the tracking code
// and the report's public page. A sentence about the report starts with its verb, so that it
// reads after "Laporan Anda TGR-… " and, for a merged report, after "…, yang" / "…, which".

export interface Email {
  subject: string;
  text: string;
}

const inJakarta = (at: Date, locale: string) =>
  at.toLocaleString(locale, { timeZone: 'Asia/Jakarta', dateStyle: 'long', timeStyle: 'short' }) + ' WIB';

/** What happened to a report, as a verb phrase (`sentence`) and a few words (`headline`). */
function whatHappened(e: EventToTell, status: string | null): { sentence: Messages; headline: Messages } {
  const dept = e.department_name;
  switch (status) {
    case 'published':
      return {
        sentence: { id: 'telah diperiksa dan kini tampil di peta publik.', en: 'has been checked and is now shown on the public map.' },
        headline: { id: 'tampil di peta', en: 'published' },
      };
    case 'assigned':
      return {
        sentence: { id: `telah diteruskan ke ${dept} untuk ditangani.`, en: `has been passed to ${dept} to be handled.` },
        headline: { id: 'diteruskan ke dinas', en: 'assigned' },
      };
    case 'in_progress':
      return {
        sentence: { id: `sedang ditangani oleh ${dept}.`, en: `is being handled by ${dept}.` },
        headline: { id: 'sedang ditangani', en: 'in progress' },
      };
    case 'resolved':
      return {
        sentence: { id: 'telah selesai ditangani.', en: 'has been resolved.' },
        headline: { id: 'selesai ditangani', en: 'resolved' },
      };
    case 'rejected':
      return {
        sentence: { id: 'tidak dapat kami tindak lanjuti.', en: 'cannot be taken further.' },
        headline: { id: 'ditolak', en: 'rejected' },
      };
    case 'closed':
      return {
        sentence: { id: 'telah ditutup.', en: 'has been closed.' },
        headline: { id: 'ditutup', en: 'closed' },
      };
    case 'referred': {
      const agency = e.agency ?? 'instansi yang berwenang';
      return {
        sentence: {
          id: `bukan wewenang Pemerintah Kota dan telah dirujuk ke ${agency}.`,
          en: `is not the city's to handle and has been referred to ${e.agency ?? 'the responsible agency'}.`,
        },
        headline: { id: 'dirujuk ke instansi lain', en: 'referred to another agency' },
      };
    }
    case 'cannot_fix':
      return {
        sentence: {
          id: `tidak dapat diperbaiki${e.outcome_reason ? `, karena ${e.outcome_reason}` : ''}.`,
          en: `cannot be fixed${e.outcome_reason ? `, because ${e.outcome_reason}` : ''}.`,
        },
        headline: { id: 'tidak dapat diperbaiki', en: 'cannot be fixed' },
      };
    case 'no_action_needed':
      return {
        sentence: { id: 'telah diperiksa dan tidak memerlukan tindakan.', en: 'has been checked and needs no action.' },
        headline: { id: 'tidak perlu tindakan', en: 'no action needed' },
      };
    default:
      return {
        sentence: { id: 'telah diperbarui.', en: 'has been updated.' },
        headline: { id: 'diperbarui', en: 'updated' },
      };
  }
}

/** The public response to a resolution or other outcome, or the reason for a rejection, as its own line. */
function note(status: string | null, reason: string | null): Messages | undefined {
  if (!reason) return undefined;
  if (status === 'resolved' || isOutcome(status ?? '')) return { id: `Tanggapan dinas: "${reason}"`, en: `The department's response: "${reason}"` };
  if (status === 'rejected') return { id: `Alasan: ${reason}`, en: `Reason: ${reason}` };
  return { id: `Catatan: ${reason}`, en: `Note: ${reason}` };
}

/** What the reporter is told about one public event of their report. */
export function reporterEmail(e: EventToTell, publicBaseUrl: string): Email {
  const page = `${publicBaseUrl}/r/${e.code}`;
  const status = e.kind === 'published' ? 'published' : e.new_status;
  let { sentence, headline } = whatHappened(e, status);
  let extra = note(status, e.reason);
  if (e.kind === 'merged' && e.parent_code) {
    sentence = {
      id: `sama dengan laporan ${e.parent_code} dan telah digabungkan ke laporan itu; perkembangannya dapat diikuti di ${publicBaseUrl}/r/${e.parent_code}`,
      en: `describes the same problem as report ${e.parent_code} and has been merged into it; follow its progress at ${publicBaseUrl}/r/${e.parent_code}`,
    };
    headline = { id: 'digabungkan', en: 'merged' };
  } else if (e.kind === 'parent_status_changed' && e.parent_code) {
    sentence = { id: `mengikuti laporan ${e.parent_code}, yang ${sentence.id}`, en: `follows report ${e.parent_code}, which ${sentence.en}` };
  } else if (e.kind === 'reopened') {
    sentence = { id: `telah dibuka kembali dan diteruskan lagi ke ${e.department_name}.`, en: `has been reopened and passed to ${e.department_name} again.` };
    headline = { id: 'dibuka kembali', en: 'reopened' };
  } else if (e.kind === 'deadline_changed' && e.due_at) {
    sentence = { id: `kini memiliki batas waktu penanganan ${inJakarta(e.due_at, 'id-ID')}.`, en: `is now due by ${inJakarta(e.due_at, 'en-GB')}.` };
    headline = { id: 'batas waktu berubah', en: 'new deadline' };
    extra = note(null, e.reason);
  } else if (e.kind === 'category_changed') {
    sentence = { id: `telah dipindahkan ke kategori ${e.category_id}.`, en: `has been moved to the category ${e.category_en}.` };
    headline = { id: 'kategori diubah', en: 'category changed' };
  } else if (e.kind === 'submitted') {
    sentence = { id: 'telah kami terima.', en: 'has been received.' };
    headline = { id: 'diterima', en: 'received' };
  }
  const about = { id: `${e.category_id}, Kel. ${e.kelurahan_name}`, en: `${e.category_en}, ${e.kelurahan_name}` };
  const text = [
    `Yth. ${e.reporter_name ?? 'Bapak/Ibu pelapor'},`,
    '',
    `Laporan Anda ${e.code} (${about.id}) ${sentence.id}`,
    ...(extra ? [extra.id] : []),
    '',
    `Lihat laporan Anda: ${page}`,
    '',
    'Pesan ini dikirim otomatis oleh PetaWarga; mohon tidak membalas.',
    '',
    '---',
    '',
    `Dear ${e.reporter_name ?? 'reporter'},`,
    '',
    `Your report ${e.code} (${about.en}) ${sentence.en}`,
    ...(extra ? [extra.en] : []),
    '',
    `See your report: ${page}`,
    '',
    'This message was sent automatically by PetaWarga; please do not reply.',
  ].join('\n');
  return { subject: `[PetaWarga] ${e.code}: ${headline.id} / ${headline.en}`, text };
}

/** What a department's supervisor is told when one of its reports went past its deadline. */
export function supervisorEmail(e: EventToTell, publicBaseUrl: string): Email {
  const page = `${publicBaseUrl}/r/${e.code}`;
  const due = e.due_at ?? new Date(NaN);
  const status = whatHappened(e, e.status).headline;
  const text = [
    `Laporan ${e.code} (${e.category_id}, Kel. ${e.kelurahan_name}) untuk ${e.department_name} belum selesai ditangani, ` +
      `padahal batas waktunya ${inJakarta(due, 'id-ID')}. Status saat ini: ${status.id}.`,
    '',
    `Laporan: ${page}`,
    '',
    '---',
    '',
    `Report ${e.code} (${e.category_en}, ${e.kelurahan_name}) for ${e.department_name} is not resolved, ` +
      `although it was due by ${inJakarta(due, 'en-GB')}. Current status: ${status.en}.`,
    '',
    `Report: ${page}`,
  ].join('\n');
  return { subject: `[PetaWarga] ${e.code} melewati batas waktu / overdue`, text };
}
