import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './date-field.css';
import { formatTypedDate, parseTypedDate } from './typed-date.ts';

interface Props {
  label: string;
  /** The chosen day as ISO yyyy-mm-dd, or '' for none. */
  value: string;
  /** Called with a real date (ISO) or '' when the field is cleared; never with what is not a date. */
  onChange(iso: string): void;
}

// A native date input writes dates in the browser's locale (mm/dd/yyyy in an English Chromium)
// whatever language the page speaks; this field always writes them day first. The native input
// stays, hidden, for its calendar: the button opens it with showPicker().
const hasPicker = typeof HTMLInputElement !== 'undefined' && 'showPicker' in HTMLInputElement.prototype;

/** A date typed as dd/mm/yyyy, with a calendar button, for filters that take a day. */
export function DateField({ label, value, onChange }: Props) {
  const { t } = useTranslation('common');
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  // What is typed, and the value it was typed for: a value set from outside (a reset, the
  // planner's week slider) replaces the text, a value this field handed on keeps it.
  const [typed, setTyped] = useState({ text: formatTypedDate(value), forValue: value });
  const [left, setLeft] = useState(false);
  let text = typed.text;
  if (typed.forValue !== value) {
    text = formatTypedDate(value);
    setTyped({ text, forValue: value });
  }
  // An unfinished date is not wrong yet: it is marked once the person leaves the field.
  const invalid = left && parseTypedDate(text).kind === 'invalid';

  function type(next: string) {
    const parsed = parseTypedDate(next);
    const handedOn = parsed.kind === 'date' ? parsed.iso : parsed.kind === 'empty' ? '' : value;
    setTyped({ text: next, forValue: handedOn });
    setLeft(false);
    if (handedOn !== value) onChange(handedOn);
  }

  function openCalendar() {
    try {
      picker.current?.showPicker();
    } catch {
      // Refused (a cross-origin frame, no user gesture): typing the date still works.
      document.getElementById(id)?.focus();
    }
  }

  // Leaving the field tidies a date typed loosely (7-1-2026) into the one way it is shown.
  function leave() {
    setLeft(true);
    const parsed = parseTypedDate(text);
    if (parsed.kind === 'date') setTyped({ text: formatTypedDate(parsed.iso), forValue: parsed.iso });
  }

  return (
    <div className="date-field">
      <label htmlFor={id}>{label}</label>
      <div className="date-field-row">
        <input id={id} type="text" inputMode="numeric" autoComplete="off" value={text}
          placeholder={t('dateField.placeholder')} aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-format ${id}-error` : `${id}-format`}
          onChange={(event) => type(event.target.value)} onBlur={leave} />
        {hasPicker && (
          <button type="button" className="date-field-calendar" aria-label={t('dateField.calendar', { field: label })}
            title={t('dateField.calendar', { field: label })} onClick={openCalendar}>
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
              <rect x="2.5" y="4" width="15" height="13" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
              <path d="M2.5 8h15M6.5 2v4M13.5 2v4" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </button>
        )}
        <input ref={picker} type="date" className="date-field-picker" tabIndex={-1} aria-hidden="true" value={value}
          onChange={(event) => type(formatTypedDate(event.target.value))} />
      </div>
      <span id={`${id}-format`} className="date-field-hidden">{t('dateField.format')}</span>
      {invalid && <p id={`${id}-error`} className="date-field-error">{t('dateField.invalid')}</p>}
    </div>
  );
}
