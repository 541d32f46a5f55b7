import i18next from '../i18n/index.ts';

// The planner view's texts, as their own namespace on the shared i18next instance so that the
// language switch and its remembered choice are the public app's, while these strings stay out
// of the public bundle.
const id = {
  title: 'Analisis laporan — perencana',
  mapLabel: 'Peta analisis laporan',
  layers: 'Lapisan',
  hotspots: 'Titik panas (Gi*)',
  emerging: 'Tren titik panas 12 minggu',
  heatmap: 'Kepadatan laporan',
  clusters: 'Klaster DBSCAN',
  choropleth: 'Laporan per kelurahan',
  category: 'Kategori',
  allCategories: 'Semua kategori',
  since: 'Sejak',
  until: 'Sampai',
  slider: { title: 'Rentang minggu', start: 'Minggu pertama', end: 'Minggu terakhir', weekOf: 'mulai {{day}}', weekTo: 'sampai {{day}}' },
  reportsHere: {
    title: 'Laporan di sini', none: 'Tidak ada laporan publik di sini dalam rentang ini.',
    newest: '{{count}} laporan terbaru ditampilkan.',
  },
  downloads: 'Unduh',
  weeklyChart: 'Laporan per minggu',
  noData: 'Belum ada data.',
  loading: 'Memuat…',
  loadFailed: 'Gagal memuat: {{message}}',
  clickHint: 'Klik heksagon atau kelurahan untuk melihat angka dan laporannya.',
  legend: {
    title: 'Titik panas Getis-Ord Gi*',
    hot3: 'Titik panas, keyakinan 99%', hot2: 'Titik panas, keyakinan 95%', hot1: 'Titik panas, keyakinan 90%',
    none: 'Tidak signifikan',
    total: '{{reports}} laporan dalam {{cells}} heksagon',
    cold1: 'Titik dingin, keyakinan 90%', cold2: 'Titik dingin, keyakinan 95%', cold3: 'Titik dingin, keyakinan 99%',
  },
  measure: 'Warna kelurahan',
  measures: {
    reports: 'Laporan per kelurahan', reports_per_1000: 'Laporan per 1.000 penduduk',
    median_days_to_resolve: 'Median hari penyelesaian', pct_on_time: '% selesai tepat waktu',
  },
  emergingLegend: {
    title: 'Tren titik panas (Mann–Kendall)',
    new: 'Baru: panas hanya di minggu terakhir', intensifying: 'Menguat: panas ≥ 90% minggu, tren naik',
    persistent: 'Menetap: panas ≥ 90% minggu, tanpa tren', diminishing: 'Melemah: panas ≥ 90% minggu, tren turun',
  },
  details: {
    cell: 'Sel heksagon', reports: 'Laporan', z: 'Skor z', p: 'Nilai p', bin: 'Kelas',
    kelurahan: 'Kelurahan', kecamatan: 'Kecamatan', perThousand: 'Laporan per 1.000 penduduk',
    medianDays: 'Median hari penyelesaian', trend: 'Tren', hotWeeks: 'Minggu panas', onTime: 'Selesai tepat waktu', cluster: 'Klaster', dominant: 'Kategori terbanyak',
    unknown: 'tidak diketahui',
  },
};

const en: typeof id = {
  title: 'Report analytics — planners',
  mapLabel: 'Report analytics map',
  layers: 'Layers',
  hotspots: 'Hot spots (Gi*)',
  emerging: 'Hot spot trends, 12 weeks',
  heatmap: 'Report density',
  clusters: 'DBSCAN clusters',
  choropleth: 'Reports per kelurahan',
  category: 'Category',
  allCategories: 'All categories',
  since: 'Since',
  until: 'Until',
  slider: { title: 'Week range', start: 'First week', end: 'Last week', weekOf: 'from {{day}}', weekTo: 'to {{day}}' },
  reportsHere: {
    title: 'Reports here', none: 'No public reports here in this window.',
    newest: 'Showing the {{count}} newest.',
  },
  downloads: 'Download',
  weeklyChart: 'Reports per week',
  noData: 'No data yet.',
  loading: 'Loading…',
  loadFailed: 'Could not load: {{message}}',
  clickHint: 'Click a hexagon or kelurahan to see its numbers and reports.',
  legend: {
    title: 'Getis-Ord Gi* hot spots',
    hot3: 'Hot spot, 99% confidence', hot2: 'Hot spot, 95% confidence', hot1: 'Hot spot, 90% confidence',
    none: 'Not significant',
    total: '{{reports}} reports in {{cells}} hexagons',
    cold1: 'Cold spot, 90% confidence', cold2: 'Cold spot, 95% confidence', cold3: 'Cold spot, 99% confidence',
  },
  measure: 'Kelurahan colour',
  measures: {
    reports: 'Reports per kelurahan', reports_per_1000: 'Reports per 1,000 residents',
    median_days_to_resolve: 'Median days to resolve', pct_on_time: '% resolved on time',
  },
  emergingLegend: {
    title: 'Hot spot trends (Mann–Kendall)',
    new: 'New: hot in the last week only', intensifying: 'Intensifying: hot ≥ 90% of weeks, rising',
    persistent: 'Persistent: hot ≥ 90% of weeks, no trend', diminishing: 'Diminishing: hot ≥ 90% of weeks, falling',
  },
  details: {
    cell: 'Hexagon cell', reports: 'Reports', z: 'z-score', p: 'p-value', bin: 'Bin',
    kelurahan: 'Kelurahan', kecamatan: 'Kecamatan', perThousand: 'Reports per 1,000 residents',
    medianDays: 'Median days to resolve', trend: 'Trend', hotWeeks: 'Hot weeks', onTime: 'Resolved on time', cluster: 'Cluster', dominant: 'Most frequent category',
    unknown: 'unknown',
  },
};

i18next.addResourceBundle('id', 'analytics', id);
i18next.addResourceBundle('en', 'analytics', en);
