import { Fragment, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../i18n/format.ts';
import { AppLink, navigate } from '../../navigation.tsx';
import { useCategories } from '../categories.ts';
import { reportPath } from '../paths.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import type { InboxColumn, InboxSort } from './filters.ts';
import { ReportDetails } from './ReportDetails.tsx';
import { SortHeader } from './SortHeader.tsx';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { DeskReport as DeskReportSchema } from '../../../../server/src/console/schemas.ts';

/** One row of GET /api/console/reports. */
export type DeskReport = Static<typeof DeskReportSchema>;

interface Props {
  reports: DeskReport[];
  selected: Set<string>;
  onSelect(codes: string[], on: boolean): void;
  sort: InboxSort;
  onSort(sort: InboxSort): void;
}

const columns: InboxColumn[] = ['code', 'category', 'kelurahan', 'status', 'due'];

/**
 * The inbox as a table, one line per report: a checkbox for bulk assignment, a button that opens
 * the row out to the whole description, the sortable columns and the start of the description.
 * The rows are one tab stop: arrow keys move between them, Enter opens the report, Space opens
 * the row out.
 */
export function ReportTable({ reports, selected, onSelect, sort, onSort }: Props) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { nameOf } = useCategories();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const allOn = reports.length > 0 && reports.every((r) => selected.has(r.code));
  const current = Math.min(active, reports.length - 1);

  const toggle = (code: string) => {
    const next = new Set(expanded);
    if (!next.delete(code)) next.add(code);
    setExpanded(next);
  };
  const focusRow = (index: number) => {
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-code]');
    if (!rows?.length) return;
    const target = Math.max(0, Math.min(index, rows.length - 1));
    setActive(target);
    rows[target].focus();
  };
  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, code: string) => {
    // Keys on the row's own checkbox, button or link keep their usual meaning.
    if (event.target !== event.currentTarget) return;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: reports.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      focusRow(moves[event.key]);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      navigate(reportPath(code));
    } else if (event.key === ' ') {
      event.preventDefault();
      toggle(code);
    }
  };

  return (
    <div className="table-scroll">
      <table className="report-table inbox-table">
        <caption className="visually-hidden">{t('inbox.tableLabel')} {t('inbox.keys')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-select">
              <input type="checkbox" aria-label={t('inbox.selectAll')} checked={allOn}
                onChange={(event) => onSelect(reports.map((r) => r.code), event.target.checked)} />
            </th>
            <th scope="col" className="col-expand"><span className="visually-hidden">{t('inbox.details')}</span></th>
            {columns.map((column) => <SortHeader key={column} column={column} sort={sort} onSort={onSort} />)}
            <th scope="col" className="col-summary">{t('inbox.description')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {reports.map((r, index) => {
            const open = expanded.has(r.code);
            // Only the current row's controls are tab stops, so that Tab leaves the list at once.
            const inner = index === current ? 0 : -1;
            return (
              <Fragment key={r.code}>
                <tr className={r.overdue ? 'overdue' : undefined} data-code={r.code} tabIndex={index === current ? 0 : -1}
                  aria-label={`${r.code} · ${nameOf(r.category)} · ${r.kelurahan.name}`}
                  onFocus={(event) => { if (event.target === event.currentTarget) setActive(index); }}
                  onKeyDown={(event) => onKey(event, index, r.code)}>
                  <td className="col-select">
                    <input type="checkbox" aria-label={t('inbox.select', { code: r.code })} checked={selected.has(r.code)}
                      tabIndex={inner} onChange={(event) => onSelect([r.code], event.target.checked)} />
                  </td>
                  <td className="col-expand">
                    <button type="button" className="expand-button" aria-expanded={open} aria-controls={`details-${r.code}`}
                      aria-label={t('inbox.expand', { code: r.code })} tabIndex={inner} onClick={() => toggle(r.code)}>
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                    </button>
                  </td>
                  <td className="col-code"><AppLink href={reportPath(r.code)} className="code" tabIndex={inner}>{r.code}</AppLink></td>
                  <td className="col-category">{nameOf(r.category)}</td>
                  <td className="col-kelurahan">{r.kelurahan.name}</td>
                  <td className="col-status"><StatusBadge status={r.status} /></td>
                  <td className="col-due">
                    {r.due_at ? <time dateTime={r.due_at}>{formatDate(r.due_at, language)}</time> : t('none')}
                    {r.overdue && <span className="overdue-badge">{t('inbox.overdue')}</span>}
                  </td>
                  <td className="col-summary" title={r.summary}>{r.summary}</td>
                </tr>
                {open && (
                  <tr className="details-row" id={`details-${r.code}`}>
                    <td colSpan={columns.length + 3}><ReportDetails report={r} /></td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
