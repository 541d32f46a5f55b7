/**
 * The questions a category asks beyond the description: GeoReport v2 service attributes
 * (`GET services/{code}`), answered as `attribute[code]=value` when a request is posted. They
 * are the facts a dinas asks a caller on the hotline before it sends someone out.
 */
export interface Question {
  code: string;
  datatype: 'string' | 'number' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: { id: string; en: string };
  datatype_description: { id: string; en: string } | null;
  values?: { key: string; name: { id: string; en: string } }[];
  /** For number: the bounds an answer must lie within. */
  range?: { min: number; max: number };
}

const yesNo = [
  { key: 'ya', name: { id: 'Ya', en: 'Yes' } },
  { key: 'tidak', name: { id: 'Tidak', en: 'No' } },
];

export const questions: Record<string, Question[]> = {
  banjir: [
    {
      code: 'water_depth_cm', datatype: 'number', required: false,
      description: { id: 'Perkiraan kedalaman air (cm)', en: 'Estimated water depth (cm)' },
      datatype_description: { id: 'Bilangan 0–500', en: 'A number from 0 to 500' },
      range: { min: 0, max: 500 },
    },
    {
      code: 'road_passable', datatype: 'singlevaluelist', required: true,
      description: { id: 'Apakah jalan masih bisa dilalui kendaraan?', en: 'Can vehicles still pass?' },
      datatype_description: null, values: yesNo,
    },
  ],
  pohon_tumbang: [
    {
      code: 'blocking', datatype: 'multivaluelist', required: true,
      description: { id: 'Apa yang terhalang atau tertimpa?', en: 'What is blocked or hit?' },
      datatype_description: null,
      values: [
        { key: 'jalan', name: { id: 'Jalan', en: 'The road' } },
        { key: 'trotoar', name: { id: 'Trotoar', en: 'The sidewalk' } },
        { key: 'kabel', name: { id: 'Kabel listrik atau telepon', en: 'Power or phone lines' } },
        { key: 'bangunan', name: { id: 'Bangunan atau kendaraan', en: 'A building or a vehicle' } },
        { key: 'tidak_ada', name: { id: 'Tidak ada', en: 'Nothing' } },
      ],
    },
  ],
  jalan_rusak: [
    {
      code: 'hole_size', datatype: 'singlevaluelist', required: false,
      description: { id: 'Ukuran kerusakan', en: 'Size of the damage' },
      datatype_description: null,
      values: [
        { key: 'kecil', name: { id: 'Kecil (< 30 cm)', en: 'Small (< 30 cm)' } },
        { key: 'sedang', name: { id: 'Sedang (30–100 cm)', en: 'Medium (30–100 cm)' } },
        { key: 'besar', name: { id: 'Besar (> 1 m)', en: 'Large (> 1 m)' } },
      ],
    },
  ],
  lampu_jalan: [
    {
      code: 'pole_number', datatype: 'string', required: false,
      description: { id: 'Nomor tiang PJU, bila terlihat', en: 'Street light pole number, if visible' },
      datatype_description: { id: 'Paling banyak 40 karakter', en: 'At most 40 characters' },
    },
  ],
};

export type AttributeAnswers = Record<string, string | string[]>;
type Problem = { id: string; en: string };

/** Why an answer does not fit its question, or null when it does. */
function problemOf(q: Question, answer: string | string[]): Problem | null {
  const many = Array.isArray(answer) ? answer : [answer];
  if (q.datatype !== 'multivaluelist' && many.length > 1) return { id: 'hanya satu nilai', en: 'takes one value' };
  if (q.values) {
    const unknown = many.find((a) => !q.values!.some((v) => v.key === a));
    if (unknown !== undefined) {
      const keys = q.values.map((v) => v.key).join(', ');
      return { id: `"${unknown}" bukan pilihan (${keys})`, en: `"${unknown}" is not one of ${keys}` };
    }
  }
  if (q.datatype === 'number') {
    const n = Number(many[0]);
    if (many[0].trim() === '' || !Number.isFinite(n) || n < q.range!.min || n > q.range!.max) {
      return { id: `harus bilangan ${q.range!.min}–${q.range!.max}`, en: `must be a number from ${q.range!.min} to ${q.range!.max}` };
    }
  }
  if (q.datatype === 'string' && many[0].length > 40) return { id: 'paling banyak 40 karakter', en: 'at most 40 characters' };
  return null;
}

/** Each answer checked against its category's questions: unknown codes, missing required ones, values that do not fit. */
export function checkAnswers(categoryCode: string, answers: AttributeAnswers): { attribute: string; problem: Problem } | null {
  const asked = questions[categoryCode] ?? [];
  for (const code of Object.keys(answers)) {
    if (!asked.some((q) => q.code === code)) {
      return { attribute: code, problem: { id: 'tidak ditanyakan untuk layanan ini', en: 'is not asked for this service' } };
    }
  }
  for (const q of asked) {
    const answer = answers[q.code];
    const empty = answer === undefined || (Array.isArray(answer) ? answer.length === 0 : answer.trim() === '');
    if (empty) {
      if (q.required) return { attribute: q.code, problem: { id: 'wajib diisi', en: 'is required' } };
      continue;
    }
    const problem = problemOf(q, answer);
    if (problem) return { attribute: q.code, problem };
  }
  return null;
}
