import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../i18n/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { jsonQuery } from '../query-client.ts';
import { rangeOf, weekEnd, windowOf, type WeekRange } from './week-range.ts';
// The server's schema, as a type only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { WeeklyCounts } from '../../../server/src/analytics/schemas.ts';

interface Props {
  since: string;
  until: string;
  onWindow(since: string, until: string): void;
}

// Long enough that dragging a handle, or holding an arrow key, sends one request when it stops.
const settleMs = 400;

/**
 * Two week handles over the span of all public reports (the weekly counts with no filter give
 * its Mondays). While a handle moves, only the dates beside it change; the window is handed on
 * once the handle rests. Typed dates move the handles, since their positions derive from them.
 */
export function TimeSlider({ since, until, onWindow }: Props) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const span = useQuery(jsonQuery<Static<typeof WeeklyCounts>>('/api/analytics/weekly'));
  const [moving, setMoving] = useState<WeekRange | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  if (!span.data) return null;
  const mondays = [...new Set(span.data.weeks.map((w) => w.week_start))];
  if (mondays.length === 0) return null;
  const range = moving ?? rangeOf(mondays, since, until);
  const day = (date: string) => formatDay(date, language);

  function move(next: WeekRange) {
    setMoving(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const window = windowOf(mondays, next);
      onWindow(window.since, window.until);
      setMoving(null);
    }, settleMs);
  }

  const handle = (which: keyof WeekRange, label: string, text: string) => (
    <input type="range" min={0} max={mondays.length - 1} step={1} value={range[which]}
      aria-label={label} aria-valuetext={text}
      onChange={(event) => {
        const value = Number(event.target.value);
        // a handle pushed past the other one carries it along, so start <= end always holds
        move(which === 'start'
          ? { start: value, end: Math.max(value, range.end) }
          : { start: Math.min(value, range.start), end: value });
      }} />
  );
  const first = day(mondays[range.start]);
  const last = day(weekEnd(mondays[range.end]));
  return (
    <fieldset className="time-slider">
      <legend>{t('slider.title')}</legend>
      {handle('start', t('slider.start'), t('slider.weekOf', { day: first }))}
      {handle('end', t('slider.end'), t('slider.weekTo', { day: last }))}
      <output data-testid="slider-dates">{first} – {last}</output>
    </fieldset>
  );
}
