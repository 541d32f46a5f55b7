// What the synthetic reports look like. Everything here is an assumption made to produce a
// believable map, not a measurement: no report statistics for either city ship with PetaWarga.

/** Share of all reports per category (sums to 1). Roads, trash and water dominate city hotlines. */
export const categoryShares: Record<string, number> = {
  jalan_rusak: 0.17,
  sampah: 0.15,
  banjir: 0.13,
  drainase: 0.1,
  lampu_jalan: 0.1,
  trotoar: 0.06,
  parkir_liar: 0.06,
  pohon_tumbang: 0.05,
  lalu_lintas: 0.05,
  bangunan_liar: 0.05,
  fasum_rusak: 0.05,
  pencemaran: 0.03,
};

/**
 * Centres around which a category clusters: a kelurahan (by kecamatan and name, as in the
 * boundary data) and the spread of a Gaussian around its label point. The rest of the
 * category's reports are spread like every other category.
 */
export interface Hotspot {
  kecamatan: string;
  kelurahan: string;
  sigmaM: number;
}

export const clustered: Record<string, { share: number; hotspots: Hotspot[] }> = {
  // Flooding: low-lying kelurahan along Kali Angke, Kali Pesanggrahan and the Cisadane's
  // tributaries, in the kecamatan known for recurring genangan (Periuk, Ciledug, Karang Tengah,
  // Pondok Aren, Ciputat Timur). A flood covers a neighbourhood, hence the wider spread.
  banjir: {
    share: 0.85,
    hotspots: [
      { kecamatan: 'Periuk', kelurahan: 'Gebang Raya', sigmaM: 450 },
      { kecamatan: 'Periuk', kelurahan: 'Periuk', sigmaM: 450 },
      { kecamatan: 'Karang Tengah', kelurahan: 'Padurenan', sigmaM: 350 },
      { kecamatan: 'Karang Tengah', kelurahan: 'Pondok Bahar', sigmaM: 350 },
      { kecamatan: 'Ciledug', kelurahan: 'Paninggilan Utara', sigmaM: 350 },
      { kecamatan: 'Pondok Aren', kelurahan: 'Pondok Kacang Timur', sigmaM: 450 },
      { kecamatan: 'Ciputat Timur', kelurahan: 'Cireundeu', sigmaM: 450 },
    ],
  },
  // Trash: around markets and the city dump, where refuse piles up between collections.
  sampah: {
    share: 0.7,
    hotspots: [
      { kecamatan: 'Tangerang', kelurahan: 'Sukasari', sigmaM: 300 }, // Pasar Anyar
      { kecamatan: 'Neglasari', kelurahan: 'Kedaung Baru', sigmaM: 400 }, // TPA Rawa Kucing
      { kecamatan: 'Larangan', kelurahan: 'Cipadu', sigmaM: 300 },
      { kecamatan: 'Ciputat', kelurahan: 'Ciputat', sigmaM: 300 }, // Pasar Ciputat
      { kecamatan: 'Ciputat', kelurahan: 'Jombang', sigmaM: 300 },
      { kecamatan: 'Serpong', kelurahan: 'Cilenggang', sigmaM: 300 }, // Pasar Serpong
    ],
  },
};

/**
 * Reports per kelurahan grow with area to the power 0.3, so density (reports per km²) falls
 * as area^-0.7. No population data ships, so this stands in for it: kelurahan in these
 * cities hold tens of thousands of people each whatever their size, so the small ones in the
 * old centres (Karawaci, Larangan) are the dense ones and the large ones (Pajang with the
 * airport, Setu) are sparse.
 */
export const densityAreaExponent = 0.3;

/**
 * Seasons: relative weight of each month (index 0 = January) and the categories that follow
 * them. The rainy season runs December–March: floods peak then; blocked drains and fallen
 * trees follow the rain less strongly. Categories not named here are even through the year.
 */
export const seasons: { name: string; monthlyWeights: number[]; categories: string[] }[] = [
  { name: 'rainy', monthlyWeights: [4, 4, 4, 2, 1, 1, 1, 1, 1, 1.5, 2, 4], categories: ['banjir'] },
  { name: 'wet', monthlyWeights: [2, 2, 2, 1.5, 1, 1, 1, 1, 1, 1, 1.5, 2], categories: ['drainase', 'pohon_tumbang'] },
];

/** Reports span the 730 whole days before today (WIB, UTC+7, no daylight saving). */
export const windowDays = 730;
export const wibOffsetHours = 7;

/**
 * How demo reports fare (lifecycle.ts). Assumed, like the rest: enough of each outcome that
 * every view of the console and the planner has something to show.
 */
export const lifecycleShares = {
  /** Held by the screen for a moderator: of all reports, and of the last week's. */
  held: 0.02,
  heldRecent: 0.4,
  /** Of the held reports, those the moderator rejects. */
  rejectedOfHeld: 0.25,
  /** Published reports never resolved: they stop at published, assigned or in progress. */
  stalled: 0.07,
  /** Of the others, resolved within the deadline; the rest take 1 to 5 times as long. */
  onTime: 0.72,
  /** Of the resolved, reopened by their reporter; of the rest, closed by the desk. */
  reopened: 0.04,
  closedOfResolved: 0.5,
  /**
   * Of the reports not stalled, answered otherwise than by a fix, when the fix would have come:
   * referred to the agency responsible, found impossible to fix, found to need no action.
   */
  referred: 0.02,
  cannotFix: 0.01,
  noActionNeeded: 0.015,
};
