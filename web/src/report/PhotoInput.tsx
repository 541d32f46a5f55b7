import { useTranslation } from 'react-i18next';
import { limits } from './report-draft.ts';

interface Props {
  photos: File[];
  onChange(photos: File[]): void;
  /** True while new photos are being made smaller for the upload. */
  shrinking: boolean;
  /** i18n key of what is wrong with the photos, if anything. */
  error?: string;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(2);

/**
 * Up to three photos. Each choice adds to the list (a phone's picker often allows only one at
 * a time), and each photo can be taken off again.
 */
export function PhotoInput({ photos, onChange, shrinking, error }: Props) {
  const { t } = useTranslation('public');
  const full = photos.length >= limits.photos;

  return (
    <div className="field">
      <label htmlFor="report-photos">{t('report.photos.label')}</label>
      <input
        id="report-photos"
        type="file"
        accept="image/*"
        multiple
        disabled={full || shrinking}
        aria-invalid={error ? true : undefined}
        aria-describedby="report-photos-hint"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          // Cleared so that choosing the same file again after removing it still fires onChange.
          event.target.value = '';
          onChange([...photos, ...chosen]);
        }}
      />
      <p id="report-photos-hint" className="hint">
        {t('report.photos.hint', { count: limits.photos, megabytes: limits.photoBytes / (1024 * 1024) })}
      </p>
      {shrinking && <p className="hint" role="status">{t('report.photos.shrinking')}</p>}
      {photos.length > 0 && (
        <ul className="photo-list">
          {photos.map((photo, index) => (
            <li key={`${photo.name}-${index}`} className={photo.size > limits.photoBytes ? 'too-large' : undefined}>
              <span>{t('report.photos.size', { name: photo.name, megabytes: megabytes(photo.size) })}</span>
              <button
                type="button"
                className="link-button"
                aria-label={t('report.photos.remove', { name: photo.name })}
                onClick={() => onChange(photos.filter((_, i) => i !== index))}
              >
                {t('report.photos.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="field-error" role="alert">{t(error, { count: limits.photos })}</p>}
    </div>
  );
}
