import { describe, expect, it } from 'vitest';
import { screenText } from './screen.ts';

describe('screening report text', () => {
  it.each([
    'Jalan berlubang besar di depan SDN 3, sudah dua minggu belum diperbaiki',
    'Banjir setinggi lutut di Perumahan Periuk Damai sejak subuh',
    'Lampu PJU mati di gang 5, gelap sekali malam hari',
    'Pohon tumbang menutup jalan setelah hujan deras',
    'Streetlight broken near the bus stop, very dark at night',
  ])('passes an ordinary report: %s', (text) => {
    expect(screenText(text).flags).toEqual([]);
  });

  it.each([
    ['Dasar pejabat goblok, jalan rusak dibiarkan', 'goblok'],
    ['4nj1ng jalan ini rusak terus', 'anjing'],
    ['b a n g s a t, sampah numpuk', 'bangsat'],
    ['This fucking road is full of potholes', 'fucking'],
    ['$hit, the drain is blocked again', 'shit'],
  ])('flags abuse, substitutions included: %s', (text, word) => {
    const r = screenText(text);
    expect(r.flags).toContain('abusive');
    expect(r.evidence.abusive).toContain(word);
  });

  it('flags promotion: links with trade words, and phone numbers', () => {
    const r = screenText('Promo diskon 50% jual pompa air murah, klik www.pompamurah.com atau WA 0812-3456-7890');
    expect(r.flags).toEqual(expect.arrayContaining(['promotion', 'contact_details']));
    expect(screenText('Air tergenang, sudah saya pesan tukang sendiri').flags).not.toContain('promotion');
  });

  it('flags repeated text', () => {
    expect(screenText('tolong tolong tolong tolong tolong tolong jalan rusak').flags).toContain('repeated_text');
  });

  it('flags text unrelated to public services, unless it names its category', () => {
    expect(screenText('Selamat pagi semuanya, semoga sehat selalu').flags).toEqual(['unrelated']);
    expect(screenText('Mohon segera ditindak', ['Parkir Liar']).flags).toContain('unrelated');
    expect(screenText('Parkir liar setiap sore', ['Parkir Liar']).flags).toEqual([]);
  });

  it('does not flag a word that merely contains a bad one', () => {
    // "tai" inside "pantai" / "santai", "asu" inside "asumsi", "babi" inside "kebabi"… whole words only
    expect(screenText('Sampah berserakan di pantai, warga tidak bisa bersantai').flags).toEqual([]);
  });
});
