import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../categories.ts';
import { ReportForm } from './ReportForm.tsx';
import type { PublicReport } from './public-report.ts';
import { SubmittedReport } from './SubmittedReport.tsx';
import { useMapPadding } from './use-map-padding.ts';

interface Props {
  map: MapLibreMap;
  categories: Category[];
  /** The report just sent from this panel; null while the form is being filled in. */
  submitted: PublicReport | null;
  onSubmitted(report: PublicReport): void;
  onReportAnother(): void;
  onClose(): void;
}

/**
 * The report flow beside the map (a side panel on wide screens, a bottom sheet on phones), so
 * the resident can place the pin while filling in the form. Each time the form appears it is a
 * new one, with a new idempotency key.
 */
export function ReportPanel({ map, categories, submitted, onSubmitted, onReportAnother, onClose }: Props) {
  const { t } = useTranslation('public');
  const panel = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  useMapPadding(map, panel);
  // The button that opened the panel is gone: focus goes to the panel, so a keyboard or screen
  // reader user starts here rather than back at the top of the page.
  useEffect(() => title.current?.focus(), []);
  return (
    <aside ref={panel} className="report-panel" aria-labelledby="report-panel-title">
      <header className="report-panel-header">
        <h2 id="report-panel-title" ref={title} tabIndex={-1}>{t('report.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('report.close')}>×</button>
      </header>
      <div className="report-panel-body">
        {submitted ? (
          <SubmittedReport report={submitted} onReportAnother={onReportAnother} onClose={onClose} />
        ) : (
          <ReportForm map={map} categories={categories} onSubmitted={onSubmitted} onCancel={onClose} />
        )}
      </div>
    </aside>
  );
}
