// What the desk tells the public in the demo's timelines, per category: the wording of a
// resolution as a dinas would post it. Invented, like the reports they answer.

export const publicResponses: Record<string, string> = {
  jalan_rusak: 'Lubang jalan sudah ditambal dengan aspal oleh tim pemeliharaan jalan. Terima kasih atas laporannya.',
  sampah: 'Tumpukan sampah sudah diangkut oleh petugas kebersihan dan lokasi sudah dibersihkan.',
  banjir: 'Genangan sudah surut setelah pompa dan saluran dibersihkan oleh tim lapangan.',
  drainase: 'Saluran air sudah dikeruk dan sedimen sudah diangkut; aliran kembali lancar.',
  lampu_jalan: 'Lampu penerangan jalan sudah diganti dan menyala kembali.',
  trotoar: 'Trotoar yang rusak sudah diperbaiki dan kembali aman untuk pejalan kaki.',
  parkir_liar: 'Petugas sudah menertibkan parkir liar di lokasi dan akan berpatroli secara berkala.',
  pohon_tumbang: 'Pohon tumbang sudah dipotong dan disingkirkan; jalan kembali dapat dilalui.',
  lalu_lintas: 'Rambu dan lampu lalu lintas di lokasi sudah diperbaiki dan berfungsi kembali.',
  bangunan_liar: 'Pemilik bangunan sudah diberi surat peringatan dan bangunan sudah dibongkar sesuai ketentuan.',
  fasum_rusak: 'Fasilitas umum yang rusak sudah diperbaiki oleh dinas terkait.',
  pencemaran: 'Lokasi sudah diperiksa dan sumber pencemaran sudah dihentikan; pengawasan dilanjutkan.',
};

/** The reporter's reason when a demo report is reopened. */
export const reopenReason = 'Masalah muncul lagi beberapa hari setelah diperbaiki.';

/** The moderator's reason when a held demo report is rejected. */
export const rejectionReason = 'Laporan ganda dari sumber yang sama; masalah ini sudah dilaporkan sebelumnya.';

/**
 * Who a demo report is referred to when it is not the city's, per category: the national road
 * authority for national roads, the river basin authority for rivers and their banks, the
 * province, the grid operator, the police. Invented cases, real kinds of agency.
 */
export const referralAgencies: Record<string, string> = {
  jalan_rusak: 'Balai Pelaksanaan Jalan Nasional (BPJN) Banten, Kementerian Pekerjaan Umum',
  trotoar: 'Balai Pelaksanaan Jalan Nasional (BPJN) Banten, Kementerian Pekerjaan Umum',
  banjir: 'Balai Besar Wilayah Sungai Ciliwung-Cisadane, Kementerian Pekerjaan Umum',
  drainase: 'Balai Besar Wilayah Sungai Ciliwung-Cisadane, Kementerian Pekerjaan Umum',
  bangunan_liar: 'Balai Besar Wilayah Sungai Ciliwung-Cisadane, Kementerian Pekerjaan Umum',
  sampah: 'Dinas Lingkungan Hidup dan Kehutanan Provinsi Banten',
  pencemaran: 'Dinas Lingkungan Hidup dan Kehutanan Provinsi Banten',
  lalu_lintas: 'Dinas Perhubungan Provinsi Banten',
  lampu_jalan: 'PT PLN (Persero) Unit Induk Distribusi Banten',
  pohon_tumbang: 'PT PLN (Persero) Unit Induk Distribusi Banten',
  parkir_liar: 'Satuan Lalu Lintas Polres Metro Tangerang Kota',
  fasum_rusak: 'Pemerintah Provinsi Banten',
};

/** The public explanation of a referral: the agency's name follows it. */
export const referralResponsePrefix =
  'Lokasi atau masalah ini berada di luar kewenangan Pemerintah Kota. Laporan sudah kami teruskan, beserta foto dan titik lokasinya, ke ';

/** Why a demo report cannot be fixed, and what the desk tells the public. */
export const cannotFixReason = 'Lokasi berada di lahan milik pribadi';
export const cannotFixResponse =
  'Petugas sudah memeriksa lokasi. Pemerintah Kota tidak dapat memperbaikinya karena berada di lahan milik pribadi; '
  + 'pemilik lahan sudah kami beri surat pemberitahuan.';

/** What the desk tells the public when a demo report needs no action. */
export const noActionResponse =
  'Petugas sudah memeriksa lokasi dan kondisinya sudah normal; tidak ada yang perlu ditindaklanjuti. Terima kasih atas laporannya.';
