import { useTranslation } from 'react-i18next';
import { shortestDistance, type MethodParameters } from './method-parameters.ts';

interface Props {
  value: MethodParameters;
  onChange(value: MethodParameters): void;
}

/** A whole number typed in, taken only once it lies within the bounds the server accepts. */
function NumberField({ label, value, min, max, step = 1, onValue }:
  { label: string; value: number; min: number; max: number; step?: number; onValue(n: number): void }) {
  return (
    <label>
      {label}
      <input type="number" defaultValue={value} min={min} max={max} step={step}
        onChange={(event) => {
          const n = Number(event.target.value);
          if (event.target.value !== '' && Number.isInteger(n) && n >= min && n <= max) onValue(n);
        }} />
    </label>
  );
}

/** Every parameter of Gi*, the trend analysis and DBSCAN, with the server's bounds. */
export function MethodControls({ value, onChange }: Props) {
  const { t } = useTranslation('analytics');
  const set = (patch: Partial<MethodParameters>) => onChange({ ...value, ...patch });
  return (
    <details className="analytics-methods" open>
      <summary>{t('methods.title')}</summary>
      <fieldset>
        <legend>{t('methods.hexagons')}</legend>
        <label>
          {t('methods.cellSize')}
          <select value={value.cell_m} onChange={(event) => {
            const cell = Number(event.target.value) as MethodParameters['cell_m'];
            // a band of two edges keeps the six adjacent cells as neighbours at any size
            set({ cell_m: cell, distance_m: 2 * cell });
          }}>
            {[250, 500, 1000].map((m) => <option key={m} value={m}>{`${m} m`}</option>)}
          </select>
        </label>
        <label>
          {t('methods.neighbours')}
          <select value={value.neighbours} onChange={(event) => set({ neighbours: event.target.value as MethodParameters['neighbours'] })}>
            <option value="distance">{t('methods.byDistance')}</option>
            <option value="knn">{t('methods.byKnn')}</option>
          </select>
        </label>
        {value.neighbours === 'distance'
          ? <NumberField key={value.cell_m} label={t('methods.distance')} value={value.distance_m} min={shortestDistance(value.cell_m)}
              max={5000} step={50} onValue={(n) => set({ distance_m: n })} />
          : <NumberField label={t('methods.k')} value={value.k} min={1} max={50} onValue={(n) => set({ k: n })} />}
        <label>
          <input type="checkbox" checked={value.fdr} onChange={(event) => set({ fdr: event.target.checked })} />
          {t('methods.fdr')}
        </label>
        <label>
          {t('methods.giMeasure')}
          <select value={value.measure} onChange={(event) => set({ measure: event.target.value as MethodParameters['measure'] })}>
            <option value="count">{t('methods.count')}</option>
            <option value="density">{t('methods.density')}</option>
          </select>
        </label>
        <NumberField label={t('methods.weeks')} value={value.weeks} min={4} max={52} onValue={(n) => set({ weeks: n })} />
      </fieldset>
      <fieldset>
        <legend>{t('methods.dbscan')}</legend>
        <NumberField label={t('methods.eps')} value={value.eps_m} min={10} max={2000} step={10} onValue={(n) => set({ eps_m: n })} />
        <NumberField label={t('methods.minPoints')} value={value.min_points} min={2} max={1000} onValue={(n) => set({ min_points: n })} />
      </fieldset>
    </details>
  );
}
