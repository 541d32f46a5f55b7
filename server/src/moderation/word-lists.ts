/**
 * Words that keep a report out of public view until a moderator has looked at it. Matching is
 * on whole words after normalisation (see normalise.ts), so "kasar" never matches inside
 * another word. The lists are deliberately short and common; a moderator sees every flag, so a
 * false alarm costs a minute, not a lost report.
 */
export const abusiveWords = [
  // Indonesian insults and profanity (including Jakarta/Betawi slang)
  'anjing', 'anjir', 'anjrit', 'bangsat', 'bajingan', 'babi', 'kampret', 'kontol', 'memek', 'ngentot', 'entot',
  'goblok', 'goblog', 'tolol', 'bego', 'idiot', 'brengsek', 'keparat', 'tai', 'taik', 'jancok', 'jancuk', 'cok',
  'asu', 'bencong', 'lonte', 'pelacur', 'sialan', 'setan', 'iblis', 'monyet', 'bangke', 'kunyuk', 'pantek',
  // English
  'fuck', 'fucking', 'shit', 'bitch', 'bastard', 'asshole', 'dick', 'cunt', 'motherfucker', 'whore', 'slut',
];

/** Words of trade: a report that sells something is promotion, not a complaint. */
export const promotionWords = [
  'promo', 'diskon', 'discount', 'jual', 'dijual', 'murah', 'gratis', 'hubungi', 'wa', 'whatsapp', 'order',
  'pesan', 'harga', 'cashback', 'slot', 'gacor', 'judi', 'togel', 'casino', 'pinjol', 'pinjaman', 'investasi',
  'sale', 'buy', 'cheap', 'free', 'click', 'klik', 'follow', 'subscribe', 'endorse',
];

/**
 * Words of public services: infrastructure, environment, order. A description with none of
 * them (and no category word) is likely unrelated, e.g. a greeting or a personal dispute.
 */
export const publicServiceWords = [
  'jalan', 'jln', 'jl', 'gang', 'gg', 'lubang', 'berlubang', 'rusak', 'retak', 'amblas', 'aspal', 'trotoar',
  'banjir', 'genangan', 'tergenang', 'air', 'hujan', 'got', 'selokan', 'saluran', 'drainase', 'gorong', 'kali', 'sungai',
  'sampah', 'tumpukan', 'menumpuk', 'bau', 'tps', 'limbah', 'asap', 'pencemaran', 'polusi', 'kotor',
  'lampu', 'pju', 'gelap', 'mati', 'listrik', 'tiang', 'kabel', 'rambu', 'lalu', 'lintas', 'macet', 'parkir',
  'pohon', 'tumbang', 'dahan', 'ranting', 'taman', 'halte', 'jembatan', 'pagar', 'fasilitas', 'umum',
  'pkl', 'pedagang', 'liar', 'bangunan', 'warga', 'rt', 'rw', 'kelurahan', 'kecamatan', 'depan', 'dekat', 'samping',
  'road', 'street', 'pothole', 'flood', 'flooding', 'water', 'drain', 'trash', 'garbage', 'rubbish', 'smell',
  'light', 'lamp', 'dark', 'tree', 'fallen', 'sidewalk', 'traffic', 'sign', 'parking', 'broken', 'damaged', 'bridge',
];
