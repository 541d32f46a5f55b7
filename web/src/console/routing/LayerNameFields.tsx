import { useTranslation } from 'react-i18next';

interface Props {
  /** The form's useId, so the labels and hints stay unique per form. */
  id: string;
  name: string;
  title: string;
  onNameChange(name: string): void;
  onTitleChange(title: string): void;
}

/** A new layer's name (how rules refer to it, the pattern layers.name allows) and its title. */
export function LayerNameFields({ id, name, title, onNameChange, onTitleChange }: Props) {
  const { t } = useTranslation('console');
  return (
    <>
      <label htmlFor={`${id}-name`}>{t('rules.layerName')}</label>
      <input id={`${id}-name`} value={name} required pattern="[a-z0-9][a-z0-9\-]{1,62}" aria-describedby={`${id}-name-hint`}
        onChange={(e) => onNameChange(e.target.value)} />
      <span id={`${id}-name-hint`} className="muted">{t('rules.layerNameHint')}</span>
      <label htmlFor={`${id}-layer-title`}>{t('rules.layerTitle')}</label>
      <input id={`${id}-layer-title`} value={title} maxLength={200} onChange={(e) => onTitleChange(e.target.value)} />
    </>
  );
}
