import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { deskReportUrl } from './desk-report.ts';
// The server's schema, as a type only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { AfterPhotosResult } from '../../../../server/src/console/schemas.ts';

/** Photos of the fixed problem, sent as multipart; the server strips EXIF and keeps 3 at most. */
export function AfterPhotoUpload({ code }: { code: string }) {
  const { t } = useTranslation('console');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (form: FormData) => staffWrite<Static<typeof AfterPhotosResult>>('POST', `${deskReportUrl(code)}/photos`, form),
    onSuccess: () => {
      if (input.current) input.current.value = '';
      return invalidateUrls(client, deskReportUrl(code));
    },
  });

  const send = () => {
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) return;
    const form = new FormData();
    for (const file of files) form.append('photos', file);
    upload.mutate(form);
  };

  return (
    <section className="panel" aria-labelledby="after-title">
      <h2 id="after-title">{t('afterPhotos.title')}</h2>
      <label htmlFor={id}>{t('afterPhotos.label')}</label>
      <input id={id} ref={input} type="file" accept="image/*" multiple aria-describedby={`${id}-hint`} />
      <p id={`${id}-hint`} className="hint">{t('afterPhotos.hint')}</p>
      <ErrorMessage error={upload.error} />
      {upload.data && <p className="ok" role="status">{t('afterPhotos.done', { count: upload.data.added })}</p>}
      <button type="button" disabled={upload.isPending} onClick={send}>{t('afterPhotos.upload')}</button>
    </section>
  );
}
