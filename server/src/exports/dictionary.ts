import { exportFields, neverPublished } from './fields.ts';
import { dataLicence, openDataPage } from './licence.ts';
import { exportFormats } from './rows.ts';

const downloads = exportFormats.map((f) => `/api/exports/reports.${f}`);

/** The data dictionary as JSON (GET /api/exports/dictionary). */
export function dictionary() {
  return {
    licence: { id: dataLicence.id, name: dataLicence.name, url: dataLicence.url, attribution: dataLicence.attribution },
    fields: exportFields.map((f) => ({
      name: f.name, type: f.type, nullable: f.nullable, meaning_en: f.meaningEn, meaning_id: f.meaningId, licence: f.licence,
      in: f.csvOnly ? ['csv'] : [...exportFormats],
    })),
    never_published: neverPublished,
    downloads: [...downloads, '/api/exports/snapshots'],
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The same as a page for people (GET /open-data), linked from the map and the API docs. */
export function dictionaryPage(): string {
  const rows = exportFields.map((f) => `<tr><td><code>${escape(f.name)}</code></td><td>${f.type}${f.nullable ? ', kosong/empty' : ''}</td>` +
    `<td>${escape(f.meaningId)}</td><td>${escape(f.meaningEn)}</td><td>${escape(f.licence)}</td></tr>`).join('\n');
  const links = downloads.map((d) => `<li><a href="${d}">${d}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Data terbuka · Open data · PetaWarga</title>
<link rel="license" href="${dataLicence.url}">
</head>
<body>
<main>
<h1>Data terbuka PetaWarga · PetaWarga open data</h1>
<p>Laporan publik Kota Tangerang dan Kota Tangerang Selatan boleh diunduh, dipakai dan dibagikan ulang dengan lisensi
<a href="${dataLicence.url}">${dataLicence.name} (${dataLicence.id})</a>, dengan menyebut sumbernya.
Public reports may be downloaded, used and shared under <a href="${dataLicence.url}">${dataLicence.name}</a>, with attribution:</p>
<blockquote>${escape(dataLicence.attribution)}</blockquote>
<p>Tidak ada data pribadi: ${escape(neverPublished.join('; '))}. No personal data is ever published.
Laporan kategori sensitif (menyangkut orang) ditampilkan di pusat kotak grid, bukan di titik sebenarnya.
Reports of a sensitive category (about people) are shown at the centre of a grid square, not at their exact point.</p>
<h2>Unduhan · Downloads</h2>
<ul>
${links}
<li><a href="/api/exports/snapshots">/api/exports/snapshots</a>: salinan harian dengan SHA-256 · daily snapshots with SHA-256</li>
</ul>
<p>Filter seperti daftar laporan · the list's filters: <code>category</code>, <code>status</code>, <code>kelurahan</code>,
<code>since</code>, <code>until</code>, <code>bbox</code>. API: <a href="/docs">/docs</a>. JSON: <a href="/api/exports/dictionary">/api/exports/dictionary</a>.</p>
<h2>Kamus data · Data dictionary</h2>
<table>
<thead><tr><th>kolom · field</th><th>jenis · type</th><th>arti</th><th>meaning</th><th>lisensi · licence</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="/">Kembali ke peta · Back to the map</a> · <a href="${openDataPage}">${openDataPage}</a></p>
</main>
</body>
</html>
`;
}
