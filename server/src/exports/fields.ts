import { dataLicence } from './licence.ts';

/**
 * The data dictionary: every field of a downloaded report, in column order, with what it means
 * and its licence. The CSV header, the GeoJSON properties, the dictionary page and its JSON
 * come from this one list (exports/rows.ts builds the SQL from `sql`).
 */
export interface ExportField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'timestamp';
  nullable: boolean;
  meaningEn: string;
  meaningId: string;
  licence: string;
  /** The value over `reports r` joined to its category `c` and kelurahan `kel`. */
  sql: string;
  /** In the CSV only: the GeoJSON carries it as the geometry. */
  csvOnly?: boolean;
}

const cc = dataLicence.id;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const boundaries = `${cc}; codes and names: Kemendagri, via cahyadsn/wilayah_boundaries (MIT)`;

export const exportFields: ExportField[] = [
  { name: 'code', type: 'string', nullable: false, sql: 'r.code', licence: cc,
    meaningEn: 'Tracking code of the report, e.g. TGR-7K3P9Q (TGR: Kota Tangerang, TSL: Kota Tangerang Selatan); its page is /r/<code>',
    meaningId: 'Kode laporan, mis. TGR-7K3P9Q (TGR: Kota Tangerang, TSL: Kota Tangerang Selatan); halamannya /r/<kode>' },
  { name: 'category', type: 'string', nullable: false, sql: 'r.category_code', licence: cc,
    meaningEn: 'Category code (GET /api/categories names them)', meaningId: 'Kode kategori (nama di GET /api/categories)' },
  { name: 'status', type: 'string', nullable: false, sql: 'r.status', licence: cc,
    meaningEn: 'published, assigned, in_progress, resolved, closed, duplicate, referred (to another agency), cannot_fix or no_action_needed',
    meaningId: 'published, assigned, in_progress, resolved, closed, duplicate, referred (dirujuk ke instansi lain), cannot_fix (tidak dapat diperbaiki) atau no_action_needed (tidak perlu tindakan)' },
  { name: 'description', type: 'string', nullable: false, sql: 'r.description', licence: `${cc}; written by residents, published after screening`,
    meaningEn: 'The problem in the reporter\'s words, as screened by moderation', meaningId: 'Masalah dengan kata-kata pelapor, setelah disaring moderasi' },
  { name: 'lon', type: 'number', nullable: false, sql: 'round(ST_X(r.public_location)::numeric, 7)', licence: cc, csvOnly: true,
    meaningEn: 'Longitude, WGS 84 (EPSG:4326); for a sensitive category the centre of its grid square (location_grid_m)',
    meaningId: 'Bujur, WGS 84 (EPSG:4326); untuk kategori sensitif titik tengah kotak gridnya (location_grid_m)' },
  { name: 'lat', type: 'number', nullable: false, sql: 'round(ST_Y(r.public_location)::numeric, 7)', licence: cc, csvOnly: true,
    meaningEn: 'Latitude, WGS 84 (EPSG:4326); as lon', meaningId: 'Lintang, WGS 84 (EPSG:4326); seperti lon' },
  { name: 'location_grid_m', type: 'integer', nullable: true, licence: cc,
    sql: 'CASE WHEN c.sensitive THEN (SELECT sensitive_grid_m FROM privacy_settings) END',
    meaningEn: 'Empty: the point the reporter placed. A number: the category concerns people, so the point is the centre of the square of this many metres (UTM zone 48S grid) that holds the report',
    meaningId: 'Kosong: titik dari pelapor. Angka: kategori menyangkut orang, jadi titiknya pusat kotak grid (UTM zona 48S) sebesar sekian meter yang memuat laporan' },
  { name: 'location_is_approximate', type: 'boolean', nullable: false, sql: 'r.location_is_approximate', licence: cc,
    meaningEn: 'The reporter gave no point (e.g. by SMS): placed at the kelurahan', meaningId: 'Pelapor tidak memberi titik (mis. lewat SMS): ditaruh di kelurahan' },
  { name: 'city', type: 'string', nullable: false, sql: 'r.city_code', licence: boundaries,
    meaningEn: 'Kemendagri code of the city (36.71 Kota Tangerang, 36.74 Kota Tangerang Selatan)', meaningId: 'Kode Kemendagri kota (36.71 Kota Tangerang, 36.74 Kota Tangerang Selatan)' },
  { name: 'kecamatan', type: 'string', nullable: false, sql: 'r.kecamatan_code', licence: boundaries,
    meaningEn: 'Kemendagri code of the kecamatan (district)', meaningId: 'Kode Kemendagri kecamatan' },
  { name: 'kelurahan', type: 'string', nullable: false, sql: 'r.kelurahan_code', licence: boundaries,
    meaningEn: 'Kemendagri code of the kelurahan whose outline holds the exact point (routing, see README)', meaningId: 'Kode Kemendagri kelurahan yang memuat titik sebenarnya' },
  { name: 'kelurahan_name', type: 'string', nullable: false, sql: 'kel.name', licence: boundaries,
    meaningEn: 'Name of that kelurahan', meaningId: 'Nama kelurahan itu' },
  { name: 'department', type: 'string', nullable: false, sql: 'r.department_code', licence: cc,
    meaningEn: 'The city department responsible (e.g. tgr-pupr)', meaningId: 'Dinas yang bertanggung jawab (mis. tgr-pupr)' },
  { name: 'channel', type: 'string', nullable: false, sql: 'r.channel', licence: cc,
    meaningEn: 'How it arrived: web, sms, phone, walk_in or api', meaningId: 'Cara masuk: web, sms, phone, walk_in atau api' },
  { name: 'created_at', type: 'timestamp', nullable: false, sql: iso('r.created_at'), licence: cc,
    meaningEn: 'When it was submitted, ISO 8601 UTC', meaningId: 'Waktu dikirim, ISO 8601 UTC' },
  { name: 'updated_at', type: 'timestamp', nullable: false, sql: iso('r.updated_at'), licence: cc,
    meaningEn: 'Last change, ISO 8601 UTC', meaningId: 'Perubahan terakhir, ISO 8601 UTC' },
  { name: 'due_at', type: 'timestamp', nullable: true, sql: iso('r.due_at'), licence: cc,
    meaningEn: 'Response deadline in working days of its category, ISO 8601 UTC', meaningId: 'Batas waktu tanggapan (hari kerja kategori), ISO 8601 UTC' },
  { name: 'resolved_at', type: 'timestamp', nullable: true, sql: iso('r.resolved_at'), licence: cc,
    meaningEn: 'When the department marked it resolved, ISO 8601 UTC', meaningId: 'Waktu dinas menyatakan selesai, ISO 8601 UTC' },
  { name: 'support_count', type: 'integer', nullable: false, sql: 'r.support_count', licence: cc,
    meaningEn: 'Residents who reported the same problem (+1)', meaningId: 'Warga yang melaporkan masalah yang sama (+1)' },
  { name: 'duplicate_of', type: 'string', nullable: true, sql: '(SELECT p.code FROM reports p WHERE p.id = r.duplicate_of)', licence: cc,
    meaningEn: 'Code of the report this one was merged into', meaningId: 'Kode laporan tempat laporan ini digabungkan' },
  { name: 'is_synthetic', type: 'boolean', nullable: false, sql: 'r.is_synthetic', licence: cc,
    meaningEn: 'Generated demo data, not a real report', meaningId: 'Data demo buatan, bukan laporan nyata' },
];

/** Never in any download, whatever is added above: personal data and what identifies a device. */
export const neverPublished = ['reporters (name, phone, e-mail)', 'address', 'accuracy_m', 'source_hash', 'address_hash', 'resident_token_hash', 'moderation_flags', 'exact location of a sensitive category'];
