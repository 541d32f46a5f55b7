import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson, type ApiError } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

/** Photos of the fixed problem, sent as multipart; the server strips EXIF and keeps 3 at most. */
export function AfterPhotoUpload({ code, onUploaded }: { code: string; onUploaded(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const upload = async () => {
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) return;
    const form = new FormData();
    for (const file of files) form.append('photos', file);
    setBusy(true);
    setError(null);
    try {
      const result = await postJson<{ added: number }>(`/api/console/reports/${encodeURIComponent(code)}/photos`, form);
      setDone(result.added);
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="after-title">
      <h2 id="after-title">{t('console.afterPhotos.title')}</h2>
      <label htmlFor={id}>{t('console.afterPhotos.label')}</label>
      <input id={id} ref={input} type="file" accept="image/*" multiple aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">{t('console.afterPhotos.hint')}</p>
      <ErrorMessage error={error} />
      {done !== null && <p className="ok" role="status">{t('console.afterPhotos.done', { count: done })}</p>}
      <button type="button" disabled={busy} onClick={upload}>{t('console.afterPhotos.upload')}</button>
    </section>
  );
}
