import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type { PossibleDuplicate } from '../../../server/src/lifecycle/possible-duplicates.ts';
import { ApiError, fetchJson } from '../api.ts';
import { useLanguage } from '../i18n/index.ts';
import { rememberReport } from '../my-reports/my-reports-store.ts';
import { AppLink } from '../navigation.tsx';
import { invalidateUrls, jsonQuery } from '../query-client.ts';
import { publicReportUrl } from './public-report.ts';
import type { Pin } from './report-draft.ts';
import { useNearbyMarkers } from './use-nearby-markers.ts';

type NearbyReport = Static<typeof PossibleDuplicate>;

interface Props {
  map: MapLibreMap;
  pin: Pin | null;
  category: string;
}

/** 5 decimals is about 1 m: a pin nudged by a pixel asks the same question again. */
const nearbyUrl = (pin: Pin, category: string) =>
  `/api/reports/nearby?lat=${pin.lat.toFixed(5)}&lon=${pin.lon.toFixed(5)}&category=${encodeURIComponent(category)}`;

const noReports: NearbyReport[] = [];

/**
 * Before sending: open reports of the chosen category near the pin, on the map and in a list,
 * each with "Saya juga mengalami ini" (+1), so that one problem gets one report and a count of
 * the residents it troubles, rather than many reports.
 */
export function NearbyReports({ map, pin, category }: Props) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  const client = useQueryClient();
  const url = pin && category ? nearbyUrl(pin, category) : null;
  const nearby = useQuery({ ...jsonQuery<{ reports: NearbyReport[] }>(url ?? ''), enabled: url !== null });
  const reports = url ? nearby.data?.reports ?? noReports : noReports;
  useNearbyMarkers(map, reports, (code) => t('nearby.markerLabel', { code }));
  const support = useMutation({
    mutationFn: (code: string) =>
      fetchJson<{ support_count: number; counted: boolean }>(`${publicReportUrl(code)}/support`, { method: 'POST' }),
    onSuccess: (_, code) => {
      rememberReport(code, null);
      return invalidateUrls(client, '/api/reports/nearby', publicReportUrl(code));
    },
  });

  if (reports.length === 0) return null;
  return (
    <section className="nearby-reports" aria-labelledby="nearby-reports-title">
      <h3 id="nearby-reports-title">{t('nearby.title', { count: reports.length })}</h3>
      <p className="hint">{t('nearby.hint')}</p>
      <ul>
        {reports.map((report) => {
          const supported = support.isSuccess && support.variables === report.code;
          return (
            <li key={report.code} className="nearby-report">
              <p className="nearby-report-description">{report.description}</p>
              <p className="hint">
                <AppLink href={`/r/${report.code}`}>{report.code}</AppLink>
                {' · '}{t('nearby.distance', { metres: Math.round(report.distance_m) })}
                {' · '}{t(`status.${report.status}`, { defaultValue: report.status })}
                {' · '}<span className="support-count">{t('nearby.supporters', { count: report.support_count })}</span>
              </p>
              {supported ? (
                <p className="nearby-thanks" role="status">
                  {support.data.counted ? t('nearby.thanks') : t('nearby.alreadySupported')}
                </p>
              ) : (
                <button
                  type="button" className="secondary" disabled={support.isPending}
                  onClick={() => support.mutate(report.code)}
                >
                  {t('nearby.support')}
                </button>
              )}
              {support.isError && support.variables === report.code && (
                <p className="field-error" role="alert">
                  {support.error instanceof ApiError ? support.error.messageIn(language) : t('failure.unexpected')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
