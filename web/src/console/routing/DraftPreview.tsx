import { useTranslation } from 'react-i18next';
import type { DraftEffect } from '../../../../server/src/routing-rules/schemas.ts';
import { formatDate } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/index.ts';
import { AppLink } from '../../navigation.tsx';
import { reportPath } from '../paths.ts';
import { PreviewMap } from './PreviewMap.tsx';
import { useRuleNames } from './rule-names.ts';

/** What a draft rule would do: the reports it would move, from which desk to which, on a map and in a list. */
export function DraftPreview({ effect }: { effect: DraftEffect }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { categoryName } = useRuleNames();
  return (
    <section className="draft-preview" aria-labelledby="draft-preview-title">
      <h3 id="draft-preview-title">{t('rules.previewTitle')}</h3>
      <p role="status">{effect.count === 0
        ? t('rules.previewNone', { days: effect.days })
        : t('rules.previewSummary', { count: effect.count, open: effect.open_count, recent: effect.recent_count, days: effect.days })}
      </p>
      {effect.count > effect.reports.length && <p className="muted">{t('rules.previewCut', { shown: effect.reports.length })}</p>}
      {effect.reports.length > 0 && <>
        <PreviewMap reports={effect.reports} />
        <ul className="plain-list moved-reports" aria-label={t('rules.movedReports')}>
          {effect.reports.map((r) => (
            <li key={r.code}>
              <AppLink href={reportPath(r.code)}>{r.code}</AppLink>
              {' · '}{categoryName(r.category)} · {t('rules.inKelurahan', { kelurahan: r.kelurahan_name, kecamatan: r.kecamatan_name })}
              {' · '}{formatDate(r.created_at, language)} · {r.is_open ? t('rules.open') : t('rules.closed')}
              <br />
              {r.from_department.code !== r.to_department.code && t('rules.fromTo', { from: r.from_department.name, to: r.to_department.name })}
              {r.from_department.code !== r.to_department.code && r.from_kelurahan_desk?.code !== r.to_kelurahan_desk?.code && '; '}
              {r.from_kelurahan_desk?.code !== r.to_kelurahan_desk?.code && t('rules.deskFromTo', {
                from: r.from_kelurahan_desk?.name ?? r.kelurahan_name, to: r.to_kelurahan_desk?.name ?? r.kelurahan_name,
              })}
            </li>
          ))}
        </ul>
      </>}
    </section>
  );
}
