import { replyKeywords } from './category-keywords.ts';
import { fitSms, fitsOneSms } from './gsm-text.ts';
import type { SmsProblem } from './parse.ts';

// Every SMS the city sends, in Indonesian. Each fits one SMS: where a friendlier text is too
// long, a shorter one is sent ("tdk", "dgn" are how Indonesians abbreviate in SMS anyway).

export const exampleReport = 'LAPOR BANJIR Kel. Sukasari, Jl. Merdeka depan masjid, air selutut';
const formatHelp = `Format: LAPOR <KATEGORI> Kel. <nama>, <uraian>. Contoh: ${exampleReport}. Cek status: CEK <kode>`;
const categoryList = Object.values(replyKeywords).join(' ');

// The same words as the web app's status labels (web/src/i18n/id/common.json).
export const statusLabels: Record<string, string> = {
  submitted: 'Menunggu pemeriksaan petugas',
  published: 'Dipublikasikan',
  rejected: 'Ditolak',
  assigned: 'Diteruskan ke dinas',
  in_progress: 'Sedang ditangani',
  resolved: 'Selesai ditangani',
  closed: 'Ditutup',
  duplicate: 'Duplikat',
  referred: 'Dirujuk ke instansi lain',
  cannot_fix: 'Tidak dapat diperbaiki',
  no_action_needed: 'Tidak perlu tindakan',
};

/** How the text given with a status is introduced: the city's answer, or a reason. */
function noteLabel(status: string | null): string {
  if (status === 'rejected') return 'Alasan';
  if (status === 'resolved' || status === 'referred' || status === 'cannot_fix' || status === 'no_action_needed') return 'Tanggapan';
  return 'Catatan';
}

/** The first text that fits one SMS; the last one cut to fit if none does. */
function firstThatFits(...texts: string[]): string {
  return fitSms(texts.find(fitsOneSms) ?? texts[texts.length - 1]);
}

const shortCity = (cityCode: string) => (cityCode === '36.74' ? 'Tangsel' : 'Kota Tangerang');
const dateInJakarta = (at: Date) =>
  at.toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta', day: '2-digit', month: '2-digit', year: 'numeric' });

export function reportAccepted(r: { code: string; status: string; categoryName: string; kelurahanName: string }): string {
  const check = `Kode: ${r.code}. Cek status: CEK ${r.code}`;
  const understood = `${r.categoryName}, Kel. ${r.kelurahanName}`;
  if (r.status === 'submitted') {
    return firstThatFits(
      `Laporan diterima, menunggu pemeriksaan petugas sebelum tampil di peta. ${check}. ${understood}`,
      `Laporan diterima, menunggu pemeriksaan petugas sebelum tampil di peta. ${check}`,
    );
  }
  return firstThatFits(`Laporan diterima. ${check}. ${understood}`, `Laporan diterima. ${check}`);
}

export function helpReply(): string {
  return firstThatFits(formatHelp);
}

export function problemReply(p: SmsProblem): string {
  const keyword = 'categoryCode' in p ? replyKeywords[p.categoryCode] : 'BANJIR';
  switch (p.code) {
    case 'unknown_command':
      return helpReply();
    case 'missing_category':
    case 'unknown_category':
      return firstThatFits(
        `Kategori${p.code === 'unknown_category' ? ` "${p.written}"` : ''} tdk ada. Pilih: ${categoryList}. Contoh: LAPOR BANJIR Kel. Sukasari, air selutut`,
        `Kategori tdk dikenal. Pilih: ${categoryList}. Contoh: LAPOR BANJIR Kel. Sukasari, air selutut`,
      );
    case 'missing_kelurahan':
      return firstThatFits(`Sebutkan kelurahannya. Contoh: LAPOR ${keyword} Kel. Sukasari, Jl. Merdeka depan masjid, <uraian masalah>`);
    case 'unknown_kelurahan':
      return p.suggestion
        ? firstThatFits(
          `Kel. "${p.written}" tdk ditemukan. Maksud Anda Kel. ${p.suggestion}? Kirim ulang: LAPOR ${keyword} Kel. ${p.suggestion}, <uraian>`,
          `Kel. tdk ditemukan. Maksud Anda Kel. ${p.suggestion}? Kirim ulang: LAPOR ${keyword} Kel. ${p.suggestion}, <uraian>`,
        )
        : firstThatFits(
          `Kel. "${p.written}" tdk ditemukan di Kota Tangerang/Tangsel. Contoh: LAPOR ${keyword} Kel. Sukasari, <uraian>`,
          `Kelurahan tdk ditemukan di Kota Tangerang/Tangsel. Contoh: LAPOR ${keyword} Kel. Sukasari, <uraian>`,
        );
    case 'ambiguous_kelurahan':
      return firstThatFits(
        `Kel. mana yg dimaksud: ${p.names.join(', ')}? Kirim ulang dgn nama lengkap: LAPOR ${keyword} Kel. <nama>, <uraian>`,
        `Nama kelurahan kurang jelas. Kirim ulang dgn nama lengkap: LAPOR ${keyword} Kel. <nama>, <uraian>`,
      );
    case 'same_name_kelurahan': {
      const where = p.places.map((k) => `Kec. ${k.kecamatanName} (${shortCity(k.cityCode)})`).join(' & ');
      const example = `LAPOR ${keyword} Kel. ${p.name} Kec. ${p.places[p.places.length - 1].kecamatanName}, <uraian>`;
      return firstThatFits(
        `Kel. ${p.name} ada di ${where}. Kirim ulang dgn kecamatannya: ${example}`,
        `Kel. ${p.name} ada di ${p.places.length} kecamatan. Kirim ulang dgn kecamatannya: ${example}`,
      );
    }
    case 'description_too_short':
      return firstThatFits(
        `Uraikan masalahnya setelah nama kelurahan. Contoh: LAPOR ${keyword} Kel. ${p.kelurahan.name}, Jl. Merdeka depan masjid, air selutut`,
        `Uraikan masalahnya setelah nama kelurahan. Contoh: LAPOR ${keyword} Kel. ${p.kelurahan.name}, <uraian masalah>`,
      );
    case 'invalid_tracking_code':
      return firstThatFits('Kode laporan tdk dikenali. Bentuknya seperti TGR-7K3P9Q. Contoh: CEK TGR-7K3P9Q');
  }
}

export function statusReply(r: {
  code: string; status: string; categoryName: string; kelurahanName: string; updatedAt: Date;
  reason: string | null; agency?: string | null; duplicateOf: string | null;
}): string {
  const head = r.agency ? `${r.code}: Dirujuk ke ${r.agency}` : `${r.code}: ${statusLabels[r.status] ?? r.status}`;
  const detail = r.duplicateOf ? ` (digabung ke ${r.duplicateOf})` : r.reason ? `. ${noteLabel(r.status)}: ${r.reason.replace(/[.\s]+$/, '')}` : '';
  const where = `${r.categoryName}, Kel. ${r.kelurahanName}`;
  const updated = `Diperbarui ${dateInJakarta(r.updatedAt)}`;
  return firstThatFits(`${head}${detail}. ${where}. ${updated}`, `${head}. ${where}. ${updated}`, `${head}${detail}`);
}

export function reportNotFoundReply(code: string): string {
  return firstThatFits(`Laporan ${code} tdk ditemukan. Periksa kodenya, contoh: CEK TGR-7K3P9Q`);
}

/** A report the submission code refused (an AppError meant for the resident). */
export function refusedReply(messageId: string): string {
  return firstThatFits(`Maaf, laporan belum dapat diproses: ${messageId} ${formatHelp}`, `Maaf, laporan belum dapat diproses: ${messageId}`);
}

/** A public change of a report, told to the resident who reported it by SMS. */
export function changeNotice(r: {
  code: string; kelurahanName: string; kind: string; status: string | null; reason: string | null; agency?: string | null;
  parentCode: string | null;
}): string {
  const head = `PetaWarga: laporan ${r.code} (Kel. ${r.kelurahanName})`;
  if (r.kind === 'submitted') {
    // A report staff filed for a resident who phoned or walked in: the code is what they need.
    return firstThatFits(
      `${head} telah dicatat petugas. Simpan kode ${r.code}. Cek status: kirim CEK ${r.code} ke nomor ini`,
      `${head} telah dicatat. Cek status: CEK ${r.code}`,
    );
  }
  if (r.kind === 'merged') {
    return firstThatFits(`${head} digabung dgn laporan ${r.parentCode} yg sama; statusnya mengikuti laporan itu. Cek: CEK ${r.parentCode}`);
  }
  const label = (statusLabels[r.status ?? ''] ?? r.status ?? '').toLowerCase();
  const now = r.kind === 'reopened' ? 'dibuka kembali dan diteruskan ke dinas'
    : r.agency ? `dirujuk ke ${r.agency}` : `kini ${label}`;
  // A long explanation is cut to one SMS; the agency a report went to comes before it.
  return firstThatFits(r.reason ? `${head} ${now}. ${noteLabel(r.status)}: ${r.reason}` : `${head} ${now}. Cek: CEK ${r.code}`);
}
