import { useTranslation } from 'react-i18next';
import type { PublicReport } from './public-report.ts';

/** Thumbnails, each a link to the full-size photo. */
export function ReportPhotos({ photos }: { photos: PublicReport['photos'] }) {
  const { t } = useTranslation('public');
  if (photos.length === 0) return null;
  return (
    <section className="report-section">
      <h2>{t('reportPage.photos')}</h2>
      <ul className="photo-grid">
        {photos.map((photo, index) => (
          <li key={photo.url}>
            <a href={photo.url} target="_blank" rel="noopener">
              <img
                src={photo.thumbnail_url}
                alt={t('reportPage.photoAlt', { number: index + 1, total: photos.length })}
                loading="lazy"
                style={{ aspectRatio: `${photo.width} / ${photo.height}` }}
              />
            </a>
            {photo.kind === 'after' && <p className="photo-caption">{t('reportPage.afterPhoto')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
