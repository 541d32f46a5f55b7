import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BasemapOffer } from '../../../../server/src/layers/schemas.ts';
import { invalidateUrls, jsonQuery } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { LayerNameFields } from './LayerNameFields.tsx';
import { layersUrl } from './rule-names.ts';

type Kind = BasemapOffer['kinds'][number];
interface Copied { name: string; title: string | null; feature_count: number }

const offerUrl = `${layersUrl}/from-basemap/kinds`;
const offerQuery = jsonQuery<BasemapOffer>(offerUrl);
const kindKey = (k: Pick<Kind, 'layer' | 'kind'>) => `${k.layer}/${k.kind}`;

/**
 * A layer made of the installed base map's features of one kind (major roads, rivers, markets),
 * optionally only those whose name contains a text, through POST /api/layers/from-basemap. Only
 * kinds the base map holds are offered, each with its count.
 */
export function BasemapLayerForm() {
  const { t } = useTranslation('console');
  const id = useId();
  const client = useQueryClient();
  const offer = useQuery(offerQuery);
  const [picked, setPicked] = useState('');
  const [nameContains, setNameContains] = useState('');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const kinds = offer.data?.kinds ?? [];
  const kindLabel = (k: Pick<Kind, 'layer' | 'kind'>) => t(`rules.basemapKind.${k.layer}.${k.kind}`, {
    defaultValue: t('rules.basemapKindOther', { layer: t(`rules.basemapLayer.${k.layer}`), kind: k.kind }),
  });
  const copy = useMutation({
    mutationFn: () => {
      const kind = kinds.find((k) => kindKey(k) === picked)!;
      const filter = nameContains.trim();
      // Without a title of its own the layer is named in words by what it was made of.
      const defaultTitle = filter ? `${kindLabel(kind)}: ${filter}` : kindLabel(kind);
      return staffWrite<Copied>('POST', `${layersUrl}/from-basemap`, {
        name, title: title.trim() || defaultTitle, layer: kind.layer, kind: kind.kind, ...(filter ? { name_contains: filter } : {}),
      });
    },
    onSuccess: () => invalidateUrls(client, layersUrl),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    copy.mutate();
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="layer-upload-source">{t('rules.basemapTitle')}</h3>
      <ErrorMessage error={offer.error} />
      {offer.data && !offer.data.installed && <p>{t('rules.basemapMissing')}</p>}
      {kinds.length > 0 && <form onSubmit={submit} className="layer-upload">
        <label htmlFor={`${id}-kind`}>{t('rules.basemapKindLabel')}</label>
        <select id={`${id}-kind`} value={picked} required onChange={(e) => setPicked(e.target.value)}>
          <option value="">{t('rules.basemapPickKind')}</option>
          {kinds.map((k) => (
            <option key={kindKey(k)} value={kindKey(k)}>{t('rules.layerOption', { title: kindLabel(k), count: k.feature_count })}</option>
          ))}
        </select>
        <label htmlFor={`${id}-contains`}>{t('rules.basemapNameContains')}</label>
        <input id={`${id}-contains`} value={nameContains} minLength={2} maxLength={100} aria-describedby={`${id}-contains-hint`}
          onChange={(e) => setNameContains(e.target.value)} />
        <span id={`${id}-contains-hint`} className="muted">{t('rules.basemapNameContainsHint')}</span>
        <LayerNameFields id={id} name={name} title={title} onNameChange={setName} onTitleChange={setTitle} />
        <button type="submit" disabled={copy.isPending || !picked}>{t('rules.basemapCreate')}</button>
      </form>}
      <ErrorMessage error={copy.error} />
      {copy.data && (
        <p role="status">{t('rules.basemapCreated', { title: copy.data.title ?? copy.data.name, count: copy.data.feature_count })}</p>
      )}
    </section>
  );
}
