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
