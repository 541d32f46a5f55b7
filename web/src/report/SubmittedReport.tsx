import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../navigation.tsx';
import type { PublicReport } from './public-report.ts';

interface Props {
  report: PublicReport;
  onReportAnother(): void;
  onClose(): void;
}

/** The tracking code, big and copyable: it is the resident's only way back to the report. */
export function SubmittedReport({ report, onReportAnother, onClose }: Props) {
  const { t } = useTranslation('public');
  const [copied, setCopied] = useState(false);
  const codeElement = useRef<HTMLElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report.code);
      setCopied(true);
    } catch {
      // No clipboard (plain http, or permission refused): select the code for a manual copy.
      const range = document.createRange();
      range.selectNodeContents(codeElement.current!);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  };

  return (
    <div className="submitted-report" role="status">
      <h3>{t('report.submitted.title')}</h3>
      <p>{t('report.submitted.keepCode')}</p>
      <p className="tracking-code">
        <span className="visually-hidden">{t('report.submitted.codeLabel')} </span>
        <strong ref={codeElement}>{report.code}</strong>
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={copy}>
          {copied ? t('report.submitted.copied') : t('report.submitted.copy')}
        </button>
        <AppLink className="button secondary" href={`/r/${report.code}`}>{t('report.submitted.viewReport')}</AppLink>
      </div>
      {report.status === 'submitted' && <p className="hint warning">{t('report.submitted.heldForReview')}</p>}
      <p className="hint">
        {t('report.submitted.keptOnDevice')} <AppLink href="/laporan-saya">{t('myReports.title')}</AppLink>
      </p>
      <p className="hint">
        {t('report.submitted.routedTo', { kelurahan: report.kelurahan.name, department: report.department.name })}
      </p>
      <div className="button-row">
        <button type="button" className="secondary" onClick={onReportAnother}>{t('report.submitted.another')}</button>
        <button type="button" className="secondary" onClick={onClose}>{t('report.close')}</button>
      </div>
    </div>
  );
}
