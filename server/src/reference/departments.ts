/**
 * The departments (perangkat daerah) that receive reports, per city. `kind` is what categories
 * point at, so one category list serves both cities. Names follow each city's own
 * organisation: Tangsel's public works office is Dinas SDABMBK, Kota Tangerang's is Dinas PUPR.
 */
export interface DepartmentSeed {
  kind: string;
  shortName: string;
  name: string;
}

export const departmentsByCity: Record<string, { prefix: string; departments: DepartmentSeed[] }> = {
  '36.71': {
    prefix: 'tgr',
    departments: [
      { kind: 'pupr', shortName: 'Dinas PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang' },
      { kind: 'dlh', shortName: 'DLH', name: 'Dinas Lingkungan Hidup Kota Tangerang' },
      { kind: 'dishub', shortName: 'Dishub', name: 'Dinas Perhubungan Kota Tangerang' },
      { kind: 'bpbd', shortName: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah Kota Tangerang' },
      { kind: 'perkim', shortName: 'Disperkimtan', name: 'Dinas Perumahan, Permukiman dan Pertanahan Kota Tangerang' },
      { kind: 'satpolpp', shortName: 'Satpol PP', name: 'Satuan Polisi Pamong Praja Kota Tangerang' },
    ],
  },
  '36.74': {
    prefix: 'tsl',
    departments: [
      { kind: 'pupr', shortName: 'Dinas SDABMBK', name: 'Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi Kota Tangerang Selatan' },
      { kind: 'dlh', shortName: 'DLH', name: 'Dinas Lingkungan Hidup Kota Tangerang Selatan' },
      { kind: 'dishub', shortName: 'Dishub', name: 'Dinas Perhubungan Kota Tangerang Selatan' },
      { kind: 'bpbd', shortName: 'BPBD', name: 'Badan Penanggulangan Bencana Daerah Kota Tangerang Selatan' },
      { kind: 'perkim', shortName: 'Disperkimta', name: 'Dinas Perumahan, Kawasan Permukiman dan Pertanahan Kota Tangerang Selatan' },
      { kind: 'satpolpp', shortName: 'Satpol PP', name: 'Satuan Polisi Pamong Praja Kota Tangerang Selatan' },
    ],
  },
};
