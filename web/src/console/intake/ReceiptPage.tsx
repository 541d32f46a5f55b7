import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { AppLink } from '../../navigation.tsx';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { jsonQuery } from '../../query-client.ts';
import { residentToken } from './resident-token.ts';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { Receipt as ReceiptSchema } from '../../../../server/src/console/schemas.ts';

type Receipt = Static<typeof ReceiptSchema>;

/** The paper the resident takes home: the tracking code, large, and where to follow it. */
export function ReceiptPage({ code }: { code: string }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { data: receipt, error } = useQuery(jsonQuery<Receipt>(`/api/console/receipts/${encodeURIComponent(code)}`));
  const token = residentToken(code);
  if (error) return <ErrorMessage error={error} />;
  if (!receipt) return <p>{t('loading')}</p>;
  const publicUrl = `${window.location.origin}/r/${receipt.code}`;

  return (
    <article className="receipt" aria-labelledby="receipt-title">
      <title>{`${receipt.code} · ${t('receipt.title')}`}</title>
      <div className="no-print button-row">
        <button type="button" className="primary" onClick={() => window.print()}>{t('receipt.print')}</button>
        <AppLink href="/console/intake" className="button secondary">{t('receipt.back')}</AppLink>
      </div>
      <h1 id="receipt-title">{t('receipt.title')}</h1>
      <p className="receipt-subtitle">{t('receipt.subtitle')}</p>
      <p className="receipt-code-label">{t('receipt.code')}</p>
      <p className="receipt-code" data-testid="receipt-code">{receipt.code}</p>
      <p>{t('receipt.keep')}</p>
      <p>{t('receipt.check', { url: publicUrl, code: receipt.code })}</p>
      <dl className="facts">
        <dt>{t('receipt.category')}</dt><dd>{language === 'en' ? receipt.category_name_en : receipt.category_name_id}</dd>
        <dt>{t('receipt.kelurahan')}</dt><dd>{receipt.kelurahan}, {receipt.kecamatan}, {receipt.city}</dd>
        <dt>{t('receipt.department')}</dt><dd>{receipt.department}</dd>
        <dt>{t('receipt.filedAt')}</dt><dd>{formatDateTime(receipt.created_at, language)}</dd>
        <dt>{t('receipt.due')}</dt><dd>{receipt.due_at ? formatDate(receipt.due_at, language) : t('receipt.dueLater')}</dd>
        <dt>{t('receipt.channel')}</dt><dd>{t(`channel.${receipt.channel}`, { defaultValue: receipt.channel })}</dd>
        {receipt.filed_by && <><dt>{t('receipt.filedBy')}</dt><dd>{receipt.filed_by}</dd></>}
      </dl>
      {token && (
        <div className="receipt-token">
          <p><strong>{t('receipt.token')}:</strong> <code>{token}</code></p>
          <p className="hint">{t('receipt.tokenHint')}</p>
        </div>
      )}
    </article>
  );
}
