import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundariesDir } from '../boundaries/load.ts';
import { categories } from '../reference/categories.ts';
import { categoryKeywords } from './category-keywords.ts';
import { gsmLength } from './gsm-text.ts';
import type { KelurahanName } from './kelurahan-names.ts';
import { parseSms, type SmsCommand } from './parse.ts';
import { changeNotice, helpReply, problemReply, reportAccepted, statusReply } from './replies.ts';

// The real 158 kelurahan names (as the database loads them), so that "one typo away" is
// measured against every neighbour a resident's typo could land on.
const places: KelurahanName[] = JSON.parse(fs.readFileSync(path.join(boundariesDir, 'kelurahan.geojson'), 'utf8'))
  .features.map(({ properties: p }: { properties: Record<string, string> }) => ({
    code: p.code, name: p.name, kecamatanName: p.kecamatan_name, cityCode: p.city_code, cityName: p.city_name,
  }));
const codeOf = (name: string, city = '36.71') => places.find((p) => p.name === name && p.cityCode === city)!.code;

const parse = (text: string) => parseSms(text, places);
const report = (c: SmsCommand) => {
  if (c.kind !== 'report') throw new Error(`expected a report, got ${JSON.stringify(c)}`);
  return { category: c.categoryCode, kelurahan: c.kelurahan.name, description: c.description };
};
const problemOf = (c: SmsCommand) => (c.kind === 'problem' ? c.problem : undefined);

describe('parseSms: reports', () => {
  it('reads the poster format', () => {
    expect(report(parse('LAPOR BANJIR Kel. Sukasari, Jl. Merdeka depan masjid, air selutut'))).toEqual({
      category: 'banjir', kelurahan: 'Sukasari', description: 'Jl. Merdeka depan masjid, air selutut',
    });
  });

  it.each([
    ['BANJR', 'banjir'], ['GENANGAN', 'banjir'], ['banjir', 'banjir'], ['SAMPAH', 'sampah'], ['SAMPA', 'sampah'],
    ['JALAN', 'jalan_rusak'], ['JALAN RUSAK', 'jalan_rusak'], ['LUBANG', 'jalan_rusak'], ['jln rusak', 'jalan_rusak'],
    ['LAMPU', 'lampu_jalan'], ['PJU', 'lampu_jalan'], ['LAMPU MATI', 'lampu_jalan'], ['GOT', 'drainase'],
    ['SELOKAN', 'drainase'], ['DRAINASE', 'drainase'], ['DRAINSE', 'drainase'], ['POHON', 'pohon_tumbang'],
    ['POHON TUMBANG', 'pohon_tumbang'], ['TROTOAR', 'trotoar'], ['TROTOIR', 'trotoar'], ['RAMBU', 'lalu_lintas'],
    ['LAMPU MERAH', 'lalu_lintas'], ['LALU LINTAS', 'lalu_lintas'], ['PARKIR LIAR', 'parkir_liar'], ['PARKIR', 'parkir_liar'],
    ['PKL', 'bangunan_liar'], ['BANGUNAN LIAR', 'bangunan_liar'], ['FASUM', 'fasum_rusak'], ['HALTE', 'fasum_rusak'],
    ['POLUSI', 'pencemaran'], ['LIMBAH', 'pencemaran'], ['PENCEMARAN', 'pencemaran'],
  ])('takes category %s as %s', (word, code) => {
    expect(report(parse(`LAPOR ${word} Kel. Sukasari, air selutut di depan masjid`)).category).toBe(code);
  });

  it('has keywords for every category code', () => {
    expect(Object.keys(categoryKeywords).sort()).toEqual(categories.map((c) => c.code).sort());
  });

  it.each([
    ['Kel. Sukasri', 'Sukasari'], ['kel sukasari', 'Sukasari'], ['Kelurahan Sukasari', 'Sukasari'], ['Kel.Sukasari', 'Sukasari'],
    ['Kel. Cibodas Baru', 'Cibodas Baru'], ['Kel. Cibodas', 'Cibodas'], ['Kel. Cibodas Barru', 'Cibodas Baru'],
    ['Kel. Pondok-Aren', 'Pondok Aren'], ['Kel. pondokaren', 'Pondok Aren'], ['Kel. Batu Ceper', 'Batuceper'],
    ['Kel. Kelapa Indah', 'Kelapa Indah'], ['Kel. Jurangmangu Tmur', 'Jurangmangu Timur'],
  ])('finds %s as %s', (written, name) => {
    expect(report(parse(`LAPOR SAMPAH ${written}, sampah menumpuk di pinggir jalan`)).kelurahan).toBe(name);
  });

  it('keeps words after the name that are not part of it in the description', () => {
    expect(report(parse('LAPOR BANJIR Kel. Sukasaari Jl Merdeka, air selutut'))).toEqual({
      category: 'banjir', kelurahan: 'Sukasari', description: 'Jl Merdeka, air selutut',
    });
  });

  it('takes the kelurahan without "Kel." and the description without a comma', () => {
    expect(report(parse('lapor banjir sukasari air selutut depan masjid'))).toEqual({
      category: 'banjir', kelurahan: 'Sukasari', description: 'air selutut depan masjid',
    });
    expect(report(parse('LAPR JALAN RUSAK Kel. Cimone Jl. Proklamasi berlubang besar'))).toEqual({
      category: 'jalan_rusak', kelurahan: 'Cimone', description: 'Jl. Proklamasi berlubang besar',
    });
  });

  it('accepts the # hotline format and a forgotten LAPOR', () => {
    expect(report(parse('LAPOR#BANJIR#Sukasari#air selutut depan masjid')).kelurahan).toBe('Sukasari');
    expect(report(parse('BANJIR Kel. Sukasari, air selutut depan masjid')).category).toBe('banjir');
  });

  it('asks which one when a name exists in both cities, and takes the kecamatan or city given', () => {
    const asked = problemOf(parse('LAPOR BANJIR Kel. Babakan, air selutut depan masjid'));
    expect(asked).toMatchObject({ code: 'same_name_kelurahan', name: 'Babakan' });
    const bySetu = parse('LAPOR BANJIR Kel. Babakan Kec. Setu, air selutut depan masjid');
    expect(bySetu.kind === 'report' && bySetu.kelurahan.code).toBe(codeOf('Babakan', '36.74'));
    const byCity = parse('LAPOR BANJIR Kel. Pondok Pucung Tangsel, air selutut depan masjid');
    expect(byCity.kind === 'report' && byCity.kelurahan.code).toBe(codeOf('Pondok Pucung', '36.74'));
    expect(report(bySetu).description).toBe('air selutut depan masjid');
  });

  it('says what is wrong, with a suggestion where one is near', () => {
    expect(problemOf(parse('LAPOR BANJIR Kel. Sukosoro, air selutut depan masjid'))).toMatchObject({ code: 'unknown_kelurahan', suggestion: 'Sukasari' });
    expect(problemOf(parse('LAPOR BANJIR Kel. Zzyzx, air selutut depan masjid'))).toMatchObject({ code: 'unknown_kelurahan', suggestion: undefined });
    expect(problemOf(parse('LAPOR KEBAKARAN Kel. Sukasari, rumah terbakar'))).toMatchObject({ code: 'unknown_category', written: 'KEBAKARAN' });
    expect(problemOf(parse('LAPOR Kel. Sukasari, air selutut'))).toMatchObject({ code: 'missing_category' });
    expect(problemOf(parse('LAPOR BANJIR Kel. Sukasari, air'))).toMatchObject({ code: 'description_too_short' });
    expect(problemOf(parse('halo pak, jalan di depan rumah saya rusak'))).toMatchObject({ code: 'unknown_command' });
  });
});

describe('parseSms: status and help', () => {
  it.each(['CEK TGR-7K3P9Q', 'cek tgr 7k3p9q', 'CEK STATUS TGR7K3P9Q', 'Cek: TGR-7K3P9Q terima kasih', 'TGR-7K3P9Q'])('reads %s', (text) => {
    expect(parse(text)).toEqual({ kind: 'status', code: 'TGR-7K3P9Q' });
  });

  it('refuses a code that cannot exist', () => {
    expect(problemOf(parse('CEK TGR-0O0O0O'))).toMatchObject({ code: 'invalid_tracking_code' });
    expect(problemOf(parse('CEK'))).toMatchObject({ code: 'invalid_tracking_code' });
  });

  it('answers INFO and an empty SMS with the format', () => {
    expect(parse('INFO')).toEqual({ kind: 'help' });
    expect(parse('   ')).toEqual({ kind: 'help' });
  });
});

describe('replies', () => {
  it('fit one SMS each', () => {
    const problems = ['LAPOR KEBAKARANHEBAT Kel. Sukasari, rumah terbakar', 'LAPOR BANJIR Kel. Babakan, air selutut di jalan',
      'LAPOR BANJIR Kel. Pondok Pucung, air selutut di jalan', 'LAPOR BANJIR Kel. Sukosoro Raya Indah Permai, air selutut',
      'LAPOR BANJIR Kel. Sukasari, air', 'CEK TGR', 'LAPOR BANJIR', 'LAPOR DRAINASE Kel. Cipete, air'];
    const texts = [
      helpReply(),
      ...problems.map((t) => { const p = problemOf(parse(t)); if (!p) throw new Error(t); return problemReply(p); }),
      reportAccepted({ code: 'TSL-7K3P9Q', status: 'submitted', categoryName: 'Saluran / Drainase Tersumbat', kelurahanName: 'Jurangmangu Timur' }),
      changeNotice({ code: 'TSL-7K3P9Q', kelurahanName: 'Jurangmangu Timur', kind: 'status_changed', status: 'resolved', reason: 'x'.repeat(300), parentCode: null }),
      changeNotice({
        code: 'TSL-7K3P9Q', kelurahanName: 'Jurangmangu Timur', kind: 'status_changed', status: 'referred', reason: 'x'.repeat(300),
        agency: 'Balai Besar Pelaksanaan Jalan Nasional Banten', parentCode: null,
      }),
    ];
    for (const t of texts) expect(gsmLength(t), t).toBeLessThanOrEqual(160);
  });

  it('names the agency a report was referred to before its explanation, in a notice and a status reply', () => {
    expect(changeNotice({
      code: 'TGR-7K3P9Q', kelurahanName: 'Sukarasa', kind: 'status_changed', status: 'referred',
      reason: 'Jalan nasional, dipelihara BBPJN.', agency: 'BBPJN Banten', parentCode: null,
    })).toBe('PetaWarga: laporan TGR-7K3P9Q (Kel. Sukarasa) dirujuk ke BBPJN Banten. Tanggapan: Jalan nasional, dipelihara BBPJN.');
    expect(changeNotice({
      code: 'TGR-7K3P9Q', kelurahanName: 'Sukarasa', kind: 'status_changed', status: 'no_action_needed',
      reason: 'Air sudah surut.', parentCode: null,
    })).toBe('PetaWarga: laporan TGR-7K3P9Q (Kel. Sukarasa) kini tidak perlu tindakan. Tanggapan: Air sudah surut.');
    expect(statusReply({
      code: 'TGR-7K3P9Q', status: 'referred', categoryName: 'Jalan Rusak', kelurahanName: 'Sukarasa',
      updatedAt: new Date('2026-12-01T03:00:00Z'), reason: 'Jalan nasional.', agency: 'BBPJN Banten', duplicateOf: null,
    })).toBe('TGR-7K3P9Q: Dirujuk ke BBPJN Banten. Tanggapan: Jalan nasional. Jalan Rusak, Kel. Sukarasa. Diperbarui 01/12/2026');
  });

  it('starts the acceptance with the tracking code and how to check it', () => {
    expect(reportAccepted({ code: 'TGR-7K3P9Q', status: 'published', categoryName: 'Banjir / Genangan', kelurahanName: 'Sukasari' }))
      .toBe('Laporan diterima. Kode: TGR-7K3P9Q. Cek status: CEK TGR-7K3P9Q. Banjir / Genangan, Kel. Sukasari');
  });
});
