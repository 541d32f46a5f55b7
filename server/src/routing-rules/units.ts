/**
 * Receivers of reports that are not a city's dinas, referred to by routing rules. A national
 * road is maintained by the ministry's regional office, a river bank by the river basin office,
 * a market by the city's market enterprise — not by the city departments a category names.
 */
export interface UnitSeed {
  code: string;
  level: 'national' | 'provincial' | 'enterprise';
  /** Only a city-owned enterprise belongs to a city. */
  cityCode: string | null;
  kind: string;
  name: string;
  shortName: string;
}

export const units: UnitSeed[] = [
  {
    code: 'bpjn-banten', level: 'national', cityCode: null, kind: 'bpjn',
    name: 'Balai Pelaksanaan Jalan Nasional Banten (Ditjen Bina Marga, Kementerian Pekerjaan Umum)',
    shortName: 'BPJN Banten',
  },
  {
    code: 'bbws-cilicis', level: 'national', cityCode: null, kind: 'bbws',
    name: 'Balai Besar Wilayah Sungai Ciliwung Cisadane (Ditjen Sumber Daya Air, Kementerian Pekerjaan Umum)',
    shortName: 'BBWS Ciliwung Cisadane',
  },
  {
    code: 'tgr-perumda-pasar', level: 'enterprise', cityCode: '36.71', kind: 'perumda_pasar',
    name: 'Perusahaan Umum Daerah Pasar Kota Tangerang',
    shortName: 'Perumda Pasar',
  },
];
