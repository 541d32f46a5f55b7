import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** i18n key of what is wrong with the value, if anything. */
  error?: string;
  hint?: string;
  /** Shows "n / max" under the field. */
  maxLength?: number;
  multiline?: boolean;
  input?: InputHTMLAttributes<HTMLInputElement> & TextareaHTMLAttributes<HTMLTextAreaElement>;
}

/** A labelled text input or textarea with its hint, its error and, for long texts, a counter. */
export function TextField({ id, label, value, onChange, error, hint, maxLength, multiline, input }: Props) {
  const { t } = useTranslation('public');
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const shared = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    ...input,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={4} {...shared} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type="text" {...shared} onChange={(event) => onChange(event.target.value)} />
      )}
      {(hint || maxLength) && (
        <p id={`${id}-hint`} className="hint field-hint">
          <span>{hint}</span>
          {maxLength && multiline && <span className="counter">{value.length} / {maxLength}</span>}
        </p>
      )}
      {error && <p id={`${id}-error`} className="field-error">{t(error)}</p>}
    </div>
  );
}
