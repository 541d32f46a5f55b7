import { useTranslation } from 'react-i18next';
import type { DeskReportDetail } from './desk-report.ts';

/** The resident's photos and the after photos, each a link to its full size. */
export function DeskPhotos({ photos }: { photos: DeskReportDetail['photos'] }) {
  const { t } = useTranslation('console');
  return (
    <section className="panel" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('detail.photos')}</h2>
      {photos.length === 0 && <p className="muted">{t('detail.noPhotos')}</p>}
      {(['before', 'after'] as const).map((kind) => {
        const ofKind = photos.filter((p) => p.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <figure key={kind} className="photo-group">
            <figcaption>{t(`detail.${kind}`)}</figcaption>
            <ul className="photo-grid">
              {ofKind.map((photo, index) => (
                <li key={photo.url}>
                  <a href={photo.url} target="_blank" rel="noopener">
                    <img src={photo.thumbnail_url} loading="lazy" data-kind={kind}
                      alt={t('detail.photoAlt', { kind: t(`detail.${kind}`), number: index + 1 })}
                      style={{ aspectRatio: `${photo.width} / ${photo.height}` }} />
                  </a>
                </li>
              ))}
            </ul>
          </figure>
        );
      })}
    </section>
  );
}
