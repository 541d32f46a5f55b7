import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clientError } from '../../api.ts';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { LayerNameFields } from './LayerNameFields.tsx';
import { BasemapLayerForm } from './BasemapLayerForm.tsx';
import { layersUrl, useRuleNames } from './rule-names.ts';

interface Imported { name: string; title: string | null; feature_count: number; repaired: { id: string; reason: string }[] }

/** Reads a GeoJSON file in the browser and imports it through POST /api/layers, which checks it. */
async function importFile(file: File, name: string, title: string): Promise<Imported> {
  let collection: object;
  try {
    collection = JSON.parse(await file.text());
  } catch {
    throw clientError(400, 'INVALID_GEOJSON', 'console:rules.layerNotJson');
  }
  const query = new URLSearchParams({ name, ...(title ? { title } : {}) });
  return staffWrite<Imported>('POST', `${layersUrl}?${query}`, collection);
}

/** The layers rules can refer to, and (for admins) a new one from a GeoJSON file or from the base map. */
export function LayerUpload({ canUpload }: { canUpload: boolean }) {
  const { t } = useTranslation('console');
  const id = useId();
  const client = useQueryClient();
  const { layers } = useRuleNames();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const upload = useMutation({
    mutationFn: () => importFile(file!, name, title.trim()),
    onSuccess: () => invalidateUrls(client, layersUrl),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rules.layersTitle')}</h2>
      {layers.length === 0 ? <p>{t('rules.noLayers')}</p> : (
        <ul className="plain-list">
          {layers.map((l) => (
            <li key={l.name}>
              <strong>{l.title ?? l.name}</strong> ({l.name}) · {t('rules.layerFeatures', { count: l.feature_count })}
              {l.is_sample && <> · {t('rules.sampleLayer')}</>}
            </li>
          ))}
        </ul>
      )}
      {canUpload && <form onSubmit={submit} className="layer-upload">
        <label htmlFor={`${id}-file`}>{t('rules.layerFile')}</label>
        <input id={`${id}-file`} type="file" accept=".geojson,.json,application/geo+json,application/json" required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <LayerNameFields id={id} name={name} title={title} onNameChange={setName} onTitleChange={setTitle} />
        <button type="submit" disabled={upload.isPending || !file}>{t('rules.upload')}</button>
      </form>}
      <ErrorMessage error={upload.error} />
      {upload.data && (
        <p role="status">{t('rules.uploaded', { title: upload.data.title ?? upload.data.name, count: upload.data.feature_count })}</p>
      )}
      {canUpload && <BasemapLayerForm />}
    </section>
  );
}
