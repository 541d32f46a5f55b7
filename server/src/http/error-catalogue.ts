import { AppError, type Messages } from './app-error.ts';

/**
 * Every error code the app answers, each defined once with its HTTP status and its messages.
 * A message that needs values takes them as typed parameters, so `appError` cannot be called
 * with the wrong ones. A new refusal is a new entry here.
 */
interface Entry<Params> {
  status: number;
  message: (p: Params) => Messages;
}

const fixed = (status: number, id: string, en: string): Entry<void> => ({ status, message: () => ({ id, en }) });
const withValues = <Params>(status: number, message: (p: Params) => Messages): Entry<Params> => ({ status, message });

const listed = (values: (string | number)[]) => values.join(', ');

export const catalogue = {
  // Requests the app cannot read or route: raised by the error and not-found handlers.
  VALIDATION_FAILED: fixed(400, 'Isian tidak lengkap atau tidak sah.', 'Some fields are missing or invalid.'),
  MALFORMED_JSON: fixed(400, 'Isi permintaan kosong atau bukan JSON yang sah.', 'The request body is empty or not valid JSON.'),
  BODY_TOO_LARGE: fixed(413, 'Isi permintaan terlalu besar.', 'The request body is too large.'),
  TOO_MANY_PARTS: fixed(413, 'Terlalu banyak bagian dalam formulir.', 'Too many form parts.'),
  UNSUPPORTED_MEDIA_TYPE: fixed(415,
    'Jenis isi permintaan tidak didukung; kirim JSON, atau multipart/form-data untuk formulir berfoto.',
    'The request content type is not supported; send JSON, or multipart/form-data for a form with photos.'),
  MALFORMED_MULTIPART: fixed(400,
    'Formulir multipart tidak dapat dibaca (batas/boundary tidak ada atau bagiannya rusak).',
    'The multipart form cannot be read (no boundary, or a malformed part).'),
  NUL_CHARACTER: withValues(400, (p: { field: string }) => ({
    id: `Isian ${p.field} memuat karakter NUL (\\u0000), yang tidak diizinkan.`,
    en: `${p.field} contains a NUL character (\\u0000), which is not allowed.`,
  })),
  // Fastify's own refusals that have no code of ours; the handler keeps Fastify's 4xx status.
  BAD_REQUEST: withValues(400, (p: { problem: string }) => ({
    id: 'Permintaan tidak dapat diproses.', en: `The request cannot be processed: ${p.problem}`,
  })),
  NOT_FOUND: withValues(404, (p: { method: string; url: string }) => ({
    id: `Alamat ${p.method} ${p.url} tidak ditemukan.`, en: `No route for ${p.method} ${p.url}.`,
  })),
  INTERNAL_ERROR: fixed(500, 'Terjadi kesalahan pada server.', 'Something went wrong on the server.'),

  // Database refusals the error handler translates from SQLSTATEs; never the SQL itself.
  CONFLICT: fixed(409, 'Data yang sama sudah ada.', 'The same data already exists.'),
  UNKNOWN_REFERENCE: fixed(422, 'Data yang dirujuk tidak ada.', 'Something the request refers to does not exist.'),
  VALUE_NOT_ALLOWED: fixed(422, 'Sebuah nilai di luar batas yang diizinkan.', 'A value is outside what is allowed.'),
  INVALID_VALUE: fixed(400,
    'Sebuah nilai tidak sah untuk isiannya (angka, tanggal, atau teks).',
    'A value is not valid for its field (number, date or text).'),
  DATABASE_UNAVAILABLE: fixed(503,
    'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    'The database cannot be reached right now. Try again shortly.'),

  // Staff accounts and sessions.
  NOT_SIGNED_IN: fixed(401, 'Silakan masuk sebagai petugas.', 'Please sign in as staff.'),
  FORBIDDEN: fixed(403, 'Akun Anda tidak berwenang untuk tindakan ini.', 'Your account is not allowed to do this.'),
  CSRF_TOKEN_INVALID: fixed(403,
    'Token keamanan (CSRF) tidak ada atau salah. Muat ulang halaman.',
    'The security (CSRF) token is missing or wrong. Reload the page.'),
  INVALID_CREDENTIALS: fixed(401, 'E-mail atau kata sandi salah.', 'Wrong e-mail or password.'),
  // Said of the address, never of the account: the same for every e-mail, known or not.
  SIGN_IN_THROTTLED: fixed(429,
    'Terlalu banyak percobaan masuk yang gagal dari sini. Coba lagi sebentar lagi.',
    'Too many failed sign-in attempts from here. Try again shortly.'),
  // A client sending at abusive rates (rate-limit/); the answer carries Retry-After.
  TOO_MANY_REQUESTS: withValues(429, (p: { retryAfterSeconds: number }) => {
    const minutes = Math.ceil(p.retryAfterSeconds / 60);
    const wait = p.retryAfterSeconds < 60
      ? { id: `${p.retryAfterSeconds} detik`, en: `${p.retryAfterSeconds} second${p.retryAfterSeconds === 1 ? '' : 's'}` }
      : { id: `${minutes} menit`, en: `${minutes} minute${minutes === 1 ? '' : 's'}` };
    return {
      id: `Terlalu banyak permintaan dari perangkat atau jaringan ini. Coba lagi dalam ${wait.id}.`,
      en: `Too many requests from this device or network. Try again in ${wait.en}.`,
    };
  }),
  STAFF_EXISTS: fixed(409, 'Akun dengan e-mail ini sudah ada.', 'An account with this e-mail already exists.'),

  // References to things that do not exist. 422 for all of them, in a body or in a query string:
  // the request is well formed and understood, and refused because of what it names; 400 stays
  // for requests that cannot be read at all (a malformed date, a bbox out of order).
  UNKNOWN_CATEGORY: withValues(422, (p: { categories: string[] }) => ({
    id: `Kategori tidak dikenal: ${listed(p.categories)}. Lihat GET /api/categories.`,
    en: `Unknown category: ${listed(p.categories)}. See GET /api/categories.`,
  })),
  UNKNOWN_DEPARTMENT: withValues(422, (p: { department: string }) => ({
    id: `Dinas/unit "${p.department}" tidak dikenal. Lihat GET /api/departments.`,
    en: `Unknown department "${p.department}". See GET /api/departments.`,
  })),
  UNKNOWN_KELURAHAN: withValues(422, (p: { code: string }) => ({
    id: `Kelurahan ${p.code} tidak dikenal.`, en: `Unknown kelurahan ${p.code}.`,
  })),
  UNKNOWN_AREA: withValues(422, (p: { level: 'kecamatan' | 'kelurahan'; codes: string[] }) => ({
    id: `Kode ${p.level} tidak dikenal: ${listed(p.codes)}.`, en: `Unknown ${p.level} codes: ${listed(p.codes)}.`,
  })),

  // Reports and their photos.
  REPORT_NOT_FOUND: withValues(404, (p: { code: string }) => ({
    id: `Laporan ${p.code} tidak ditemukan.`, en: `Report ${p.code} was not found.`,
  })),
  INVALID_TRACKING_CODE: fixed(400,
    'Kode laporan tidak sah; bentuknya seperti TGR-7K3P9Q.', 'Not a valid tracking code; they look like TGR-7K3P9Q.'),
  OUTSIDE_SERVICE_AREA: fixed(422,
    'Lokasi di luar wilayah layanan (Kota Tangerang dan Kota Tangerang Selatan).',
    'The location is outside the service area (Kota Tangerang and Kota Tangerang Selatan).'),
  INVALID_IDEMPOTENCY_KEY: fixed(400,
    'Idempotency-Key harus 8–200 karakter ASCII tanpa spasi.',
    'Idempotency-Key must be 8–200 printable ASCII characters without spaces.'),
  IDEMPOTENCY_KEY_REUSED: fixed(422,
    'Idempotency-Key ini sudah dipakai untuk laporan yang berbeda.',
    'This Idempotency-Key was already used for a different report.'),
  INVALID_CURSOR: fixed(400, 'Kursor halaman tidak sah.', 'The page cursor is not valid.'),
  INVALID_BBOX: fixed(400,
    'bbox harus minLon,minLat,maxLon,maxLat dengan min ≤ max dalam WGS 84.',
    'bbox must be minLon,minLat,maxLon,maxLat with min ≤ max in WGS 84.'),
  // A format the endpoint does not produce: refused rather than answered in another one.
  UNSUPPORTED_FORMAT: withValues(400, (p: { format: string; supported: string[] }) => ({
    id: `Format "${p.format}" tidak tersedia di sini; pilih: ${listed(p.supported)}.`,
    en: `The format "${p.format}" is not available here; choose one of: ${listed(p.supported)}.`,
  })),
  SNAPSHOT_NOT_FOUND: withValues(404, (p: { file: string }) => ({
    id: `Salinan harian ${p.file} tidak ada.`, en: `There is no daily snapshot ${p.file}.`,
  })),
  // 413 as the multipart limit answers it, whether the stream or the route counts the photos.
  TOO_MANY_PHOTOS: fixed(413, 'Paling banyak 3 foto.', 'At most 3 photos.'),
  PHOTO_TOO_LARGE: fixed(413, 'Foto terlalu besar (maksimal 10 MB).', 'A photo is too large (10 MB at most).'),
  PHOTO_TOO_MANY_PIXELS: withValues(413, (p: { width: number; height: number; maxMegapixels: number }) => ({
    id: `Foto ${p.width} × ${p.height} piksel terlalu besar (maksimal ${p.maxMegapixels} megapiksel). Kecilkan dulu.`,
    en: `A photo of ${p.width} × ${p.height} pixels is too large (${p.maxMegapixels} megapixels at most). Make it smaller first.`,
  })),
  PHOTO_NOT_AN_IMAGE: fixed(415,
    'Berkas foto bukan gambar yang dapat dibaca (JPEG, PNG, WebP, HEIC, GIF, TIFF).',
    'A photo is not a readable image (JPEG, PNG, WebP, HEIC, GIF, TIFF).'),
  PHOTOS_BUSY: fixed(503,
    'Server sedang memproses banyak foto. Coba kirim lagi sebentar lagi.',
    'The server is processing many photos. Try sending again shortly.'),
  PHOTO_NOT_FOUND: fixed(404, 'Foto tidak ditemukan.', 'Photo not found.'),

  // The lifecycle of a report.
  INVALID_TRANSITION: withValues(409, (p: { from: string; to: string } | { reopenFrom: string } | { confirmFrom: string }) => {
    if ('reopenFrom' in p) {
      return {
        id: 'Hanya laporan yang sudah diselesaikan, dinyatakan tidak dapat diperbaiki, atau tidak perlu ditindaklanjuti yang dapat dibuka kembali.',
        en: 'Only a report that was resolved, found impossible to fix, or found to need no action can be reopened.',
      };
    }
    if ('confirmFrom' in p) {
      return { id: 'Hanya laporan yang sudah diselesaikan yang dapat dikonfirmasi beres.', en: 'Only a resolved report can be confirmed as fixed.' };
    }
    return { id: `Status tidak dapat diubah dari "${p.from}" ke "${p.to}".`, en: `The status cannot change from "${p.from}" to "${p.to}".` };
  }),
  TRANSITION_NOT_ALLOWED_FOR_ROLE: withValues(403, (p: { role: string; from: string; to: string }) => ({
    id: `Peran ${p.role} tidak boleh mengubah status dari "${p.from}" ke "${p.to}".`,
    en: `The ${p.role} role may not change the status from "${p.from}" to "${p.to}".`,
  })),
  RESPONSE_REQUIRED: fixed(400, 'Tuliskan tanggapan untuk warga.', 'Write a response for the resident.'),
  REASON_REQUIRED: fixed(400, 'Tuliskan alasannya; warga akan menerimanya.', 'Give the reason; the resident will receive it.'),
  AGENCY_REQUIRED: fixed(400,
    'Tuliskan nama instansi tujuan rujukan; warga akan diberi tahu ke mana laporannya diteruskan.',
    'Name the agency the report is referred to; the resident is told where their report went.'),
  REPORT_NOT_OPEN: withValues(409, (p: { code: string; status: string }) => ({
    id: `Laporan ${p.code} sudah tidak terbuka (status ${p.status}).`,
    en: `Report ${p.code} is no longer open (status ${p.status}).`,
  })),
  MERGE_INTO_ITSELF: fixed(422, 'Laporan tidak dapat digabung ke dirinya sendiri.', 'A report cannot be merged into itself.'),
  INVALID_RESIDENT_TOKEN: fixed(403,
    'Hanya pelapor yang dapat mengonfirmasi atau membuka kembali laporan ini.', 'Only the reporter can confirm or reopen this report.'),
  REOPEN_WINDOW_PASSED: withValues(409, (p: { windowDays: number }) => ({
    id: `Laporan hanya dapat dibuka kembali dalam ${p.windowDays} hari setelah diselesaikan.`,
    en: `A report can be reopened only within ${p.windowDays} days of its resolution.`,
  })),
  AFTER_PHOTOS_NOT_ALLOWED: withValues(409, (p: { status: string }) => ({
    id: `Foto sesudah perbaikan tidak dapat ditambahkan pada laporan berstatus "${p.status}".`,
    en: `After photos cannot be added to a report in status "${p.status}".`,
  })),
  TOO_MANY_AFTER_PHOTOS: withValues(409, (p: { max: number; existing: number }) => ({
    id: `Paling banyak ${p.max} foto sesudah perbaikan; sudah ada ${p.existing}.`,
    en: `At most ${p.max} after photos; ${p.existing} already there.`,
  })),

  // Open311 GeoReport v2 (open311/): answered there as the specification's [{code, description}].
  API_KEY_INVALID: fixed(403,
    'api_key tidak ada, salah, atau sudah dicabut. Mintalah kunci kepada admin PetaWarga.',
    'The api_key is missing, wrong or revoked. Ask a PetaWarga admin for a key.'),
  SERVICE_NOT_FOUND: withValues(404, (p: { serviceCode: string }) => ({
    id: `service_code "${p.serviceCode}" tidak ada. Lihat GET /open311/v2/services.json.`,
    en: `service_code "${p.serviceCode}" not found. See GET /open311/v2/services.json.`,
  })),
  // The specification answers any refusal of a POST but a bad key with 400, an unknown service too.
  UNKNOWN_SERVICE_CODE: withValues(400, (p: { serviceCode: string }) => ({
    id: `service_code "${p.serviceCode}" tidak ada. Lihat GET /open311/v2/services.json.`,
    en: `service_code "${p.serviceCode}" not found. See GET /open311/v2/services.json.`,
  })),
  SERVICE_REQUEST_NOT_FOUND: withValues(404, (p: { id: string }) => ({
    id: `service_request_id ${p.id} tidak ditemukan.`, en: `service_request_id ${p.id} not found.`,
  })),
  TOKEN_NOT_FOUND: withValues(404, (p: { token: string }) => ({
    id: `Token ${p.token} tidak ditemukan.`, en: `Token ${p.token} not found.`,
  })),
  LOCATION_REQUIRED: fixed(400,
    'Kirim lat dan long, atau sebut nama kelurahan di address_string (dipisah koma, mis. "Jl. Merdeka 5, Sukarasa").',
    'Send lat and long, or name the kelurahan in address_string (between commas, e.g. "Jl. Merdeka 5, Sukarasa").'),
  INVALID_ATTRIBUTE: withValues(400, (p: { attribute: string; problem: { id: string; en: string } }) => ({
    id: `attribute[${p.attribute}]: ${p.problem.id}`, en: `attribute[${p.attribute}]: ${p.problem.en}`,
  })),
  UNKNOWN_JURISDICTION: withValues(404, (p: { jurisdiction: string; known: string[] }) => ({
    id: `jurisdiction_id "${p.jurisdiction}" tidak dikenal; yang ada: ${listed(p.known)}.`,
    en: `jurisdiction_id "${p.jurisdiction}" is not known; there are: ${listed(p.known)}.`,
  })),
  DATE_RANGE_TOO_LONG: withValues(400, (p: { maxDays: number }) => ({
    id: `Rentang start_date sampai end_date paling lama ${p.maxDays} hari.`,
    en: `start_date to end_date may span at most ${p.maxDays} days.`,
  })),
  API_KEY_NOT_FOUND: withValues(404, (p: { id: number }) => ({
    id: `Kunci API ${p.id} tidak ditemukan.`, en: `API key ${p.id} was not found.`,
  })),

  // Analytics, deadlines and tiles: query parameters.
  INVALID_DATE: withValues(400, (p: { field: string; value: string }) => ({
    id: `${p.field} bukan tanggal yang sah: ${p.value}`, en: `${p.field} is not a valid date: ${p.value}`,
  })),
  EMPTY_PERIOD: fixed(400, 'since harus sebelum until.', 'since must be before until.'),
  INVALID_PERIOD: fixed(400, 'Tanggal since tidak boleh sesudah until.', 'since must not be after until.'),
  DISTANCE_TOO_SHORT: withValues(400, (p: { minimumM: number; cellM: number }) => ({
    id: `distance_m harus minimal ${p.minimumM} m agar sel bertetangga (jarak antarpusat heksagon ${p.cellM} m).`,
    en: `distance_m must be at least ${p.minimumM} m so that cells have neighbours (centre spacing of ${p.cellM} m hexagons).`,
  })),
  INVALID_TILE: withValues(400, (p: { z: number; x: number; y: number }) => ({
    id: `Petak ${p.z}/${p.x}/${p.y} tidak ada: x dan y harus kurang dari 2^z.`,
    en: `Tile ${p.z}/${p.x}/${p.y} does not exist: x and y must be below 2^z.`,
  })),
  INVALID_HOLIDAY: fixed(400, 'Data hari libur tidak sah.', 'The holiday is not valid.'),
  HOLIDAY_EXISTS: withValues(409, (p: { date: string }) => ({
    id: `Tanggal ${p.date} sudah tercatat sebagai hari libur.`, en: `${p.date} is already a holiday.`,
  })),
  HOLIDAY_NOT_FOUND: withValues(404, (p: { date: string }) => ({
    id: `Tanggal ${p.date} tidak tercatat sebagai hari libur.`, en: `${p.date} is not a holiday.`,
  })),

  // Routing rules and the layers they use.
  RULE_NOT_FOUND: withValues(404, (p: { id: number }) => ({
    id: `Aturan ${p.id} tidak ditemukan.`, en: `Rule ${p.id} was not found.`,
  })),
  RULE_WITHOUT_TARGET: fixed(422,
    'Aturan harus menyebut dinas penerima, meja kelurahan penerima, atau keduanya.',
    'A rule must name a receiving department, a receiving kelurahan desk, or both.'),
  UNKNOWN_LAYER: withValues(422, (p: { layer: string }) => ({
    id: `Lapisan "${p.layer}" tidak ada; impor dulu lewat POST /api/layers.`,
    en: `Layer "${p.layer}" does not exist; import it first through POST /api/layers.`,
  })),
  LAYER_HAS_NO_POLYGONS: withValues(422, (p: { layer: string }) => ({
    id: `Lapisan "${p.layer}" tidak berisi poligon; gunakan near_layer.`,
    en: `Layer "${p.layer}" has no polygons to be inside of; use near_layer.`,
  })),
  LAYER_NOT_FOUND: withValues(404, (p: { name: string }) => ({
    id: `Lapisan "${p.name}" tidak ditemukan.`, en: `Layer "${p.name}" was not found.`,
  })),
  LAYER_EXISTS: withValues(409, (p: { name: string }) => ({
    id: `Lapisan "${p.name}" sudah ada; kirim replace=true untuk menggantinya.`,
    en: `Layer "${p.name}" already exists; send replace=true to replace it.`,
  })),
  LAYER_IN_USE: withValues(409, (p: { name: string; ruleIds: number[] }) => ({
    id: `Lapisan "${p.name}" dipakai aturan ${listed(p.ruleIds)}; hapus atau ubah aturannya dulu.`,
    en: `Layer "${p.name}" is used by rule(s) ${listed(p.ruleIds)}; delete or change them first.`,
  })),
  BASEMAP_NOT_INSTALLED: fixed(409,
    'Belum ada peta dasar terpasang; impor ekstrak OpenStreetMap dulu (npm run basemap:import).',
    'No base map is installed; import an OpenStreetMap extract first (npm run basemap:import).'),
  BASEMAP_NOTHING_MATCHED: withValues(422, (p: { layer: string; kind: string; nameContains: string | null }) => ({
    id: `Peta dasar tidak berisi ${p.layer}/${p.kind}${p.nameContains ? ` yang namanya memuat "${p.nameContains}"` : ''}.`,
    en: `The base map has no ${p.layer}/${p.kind}${p.nameContains ? ` whose name contains "${p.nameContains}"` : ''}.`,
  })),
  INVALID_LAYER_NAME: fixed(400,
    'Nama lapisan: huruf kecil, angka dan tanda hubung (2–63), mis. "jalan-nasional".',
    'Layer name: lower-case letters, digits and hyphens (2–63), e.g. "national-roads".'),

  // A GeoJSON layer upload: its shape (400), then what it says (422).
  INVALID_GEOJSON: withValues(400, (p: { problem: string; feature?: number }) => ({
    id: `GeoJSON tidak sah${p.feature ? ` (fitur ke-${p.feature})` : ''}: ${p.problem}`,
    en: `Invalid GeoJSON${p.feature ? ` (feature ${p.feature})` : ''}: ${p.problem}`,
  })),
  UNSUPPORTED_CRS: withValues(422, (p: { crs: string }) => ({
    id: `Sistem koordinat ${p.crs} tidak didukung; gunakan WGS 84 bujur/lintang (EPSG:4326).`,
    en: `Coordinate reference system ${p.crs} is not supported; use WGS 84 lon/lat (EPSG:4326).`,
  })),
  COORDINATES_SWAPPED: withValues(422, (p: { feature: number; lon: number; lat: number }) => ({
    id: `Fitur ke-${p.feature}: koordinat [${p.lon}, ${p.lat}] tampaknya tertukar; GeoJSON memakai urutan [bujur, lintang].`,
    en: `Feature ${p.feature}: coordinate [${p.lon}, ${p.lat}] looks swapped; GeoJSON uses [lon, lat] order.`,
  })),
  NOT_LONLAT: withValues(422, (p: { feature: number; lon: number; lat: number }) => ({
    id: `Fitur ke-${p.feature}: koordinat [${p.lon}, ${p.lat}] bukan bujur/lintang; ubah ke WGS 84 (EPSG:4326) dulu.`,
    en: `Feature ${p.feature}: coordinate [${p.lon}, ${p.lat}] is not lon/lat; reproject to WGS 84 (EPSG:4326) first.`,
  })),
  EMPTY_LAYER: fixed(422, 'Lapisan tidak berisi fitur.', 'The layer has no features.'),
  TOO_MANY_FEATURES: withValues(422, (p: { max: number }) => ({
    id: `Paling banyak ${p.max} fitur per lapisan.`, en: `At most ${p.max} features per layer.`,
  })),
  UNSUPPORTED_GEOMETRY_TYPE: withValues(422, (p: { feature: number; type: string }) => ({
    id: `Fitur ke-${p.feature}: geometri ${p.type} tidak didukung (Point, LineString, Polygon dan Multi-nya).`,
    en: `Feature ${p.feature}: geometry ${p.type} is not supported (Point, LineString, Polygon and their Multi types).`,
  })),
  DUPLICATE_FEATURE_ID: withValues(422, (p: { feature: number; id: string }) => ({
    id: `Fitur ke-${p.feature}: id "${p.id}" sudah dipakai fitur lain.`, en: `Feature ${p.feature}: id "${p.id}" is used by another feature.`,
  })),
  TOO_MANY_VERTICES: withValues(422, (p: { max: number }) => ({
    id: `Paling banyak ${p.max} titik sudut per lapisan; sederhanakan geometrinya.`,
    en: `At most ${p.max} vertices per layer; simplify the geometry.`,
  })),
  INVALID_GEOMETRY: withValues(422, (p: { count: number; afterRepair: boolean; first: { feature: number; reason: string } }) => ({
    id: `${p.count} fitur bergeometri tidak sah${p.afterRepair ? ' dan tidak dapat diperbaiki' : ''} (mis. fitur ke-${p.first.feature}: ${p.first.reason}).`,
    en: `${p.count} feature(s) have invalid geometry${p.afterRepair ? ' that cannot be repaired' : ''} (e.g. feature ${p.first.feature}: ${p.first.reason}).`,
  })),
  FEATURES_OUTSIDE_SERVICE_AREA: withValues(422, (p: { count: number; marginKm: number }) => ({
    id: `${p.count} fitur berada lebih dari ${p.marginKm} km dari Kota Tangerang dan Kota Tangerang Selatan.`,
    en: `${p.count} feature(s) lie more than ${p.marginKm} km from Kota Tangerang and Kota Tangerang Selatan.`,
  })),

  // OGC API - Features under /ogc (server/src/ogc/).
  COLLECTION_NOT_FOUND: withValues(404, (p: { collection: string }) => ({
    id: `Koleksi "${p.collection}" tidak ada.`, en: `There is no collection "${p.collection}".`,
  })),
  FEATURE_NOT_FOUND: withValues(404, (p: { collection: string; id: string }) => ({
    id: `Fitur "${p.id}" tidak ada dalam koleksi ${p.collection}.`, en: `There is no feature "${p.id}" in collection ${p.collection}.`,
  })),
  INVALID_FILTER: withValues(400, (p: { problem: string; position: number }) => ({
    id: `Filter CQL2 tidak sah pada karakter ${p.position}: ${p.problem}`,
    en: `The CQL2 filter is not valid at character ${p.position}: ${p.problem}`,
  })),
  INVALID_DATETIME: fixed(400,
    'datetime harus satu waktu RFC 3339 atau selang awal/akhir (".." untuk terbuka).',
    'datetime must be one RFC 3339 instant or an interval start/end (".." for open).'),
  NOT_ACCEPTABLE: withValues(406, (p: { offered: string[] }) => ({
    id: `Hanya tersedia sebagai ${listed(p.offered)}.`, en: `Available only as ${listed(p.offered)}.`,
  })),
};

export type ErrorCode = keyof typeof catalogue;

export type ParamsOf<C extends ErrorCode> = (typeof catalogue)[C] extends Entry<infer Params> ? Params : never;

/** The codes whose messages need no values: those a handler can answer from a table. */
export type FixedCode = { [C in ErrorCode]: [ParamsOf<C>] extends [void] ? C : never }[ErrorCode];

/** Anything a refusal carries besides its message: which fields, which reports, the limits. */
interface Details {
  details?: unknown;
}

/** A code with a fixed message takes only details; a code whose message needs values requires them. */
type ArgsOf<C extends ErrorCode> = [ParamsOf<C>] extends [void] ? [extra?: Details] : [params: ParamsOf<C> & Details];

/** The refusal `code` stands for, with its messages filled in: `throw appError('REPORT_NOT_FOUND', { code })`. */
export function appError<C extends ErrorCode>(code: C, ...[params]: ArgsOf<C>): AppError {
  const entry = catalogue[code] as Entry<unknown>;
  return new AppError(entry.status, code, entry.message(params), params?.details);
}

/** One report's refusal within an all-or-nothing batch: its own code and status, saying nothing changed. */
export function refusedInBatch(refusal: AppError, report: string): AppError {
  const details = typeof refusal.details === 'object' && refusal.details !== null ? refusal.details : {};
  return new AppError(refusal.statusCode, refusal.code, {
    id: `${refusal.messages.id} Tidak ada laporan yang diubah.`,
    en: `${refusal.messages.en} No report was changed.`,
  }, { ...details, report });
}

/** A refusal answered with another status: Fastify's own 4xx that no code of ours names. */
export function withStatus(refusal: AppError, statusCode: number): AppError {
  return new AppError(statusCode, refusal.code, refusal.messages, refusal.details);
}
