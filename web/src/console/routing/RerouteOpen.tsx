import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

interface RerouteResult { dry_run: boolean; count: number }

/**
 * Saving a rule never moves a report already filed; this moves every open report the rules as
 * they now stand would send elsewhere (POST /api/routing/reroute), each with a public event.
 */
export function RerouteOpen() {
  const { t } = useTranslation('console');
  const reroute = useMutation({
    mutationFn: () => staffWrite<RerouteResult>('POST', '/api/routing/reroute', { dry_run: false }),
  });
  return (
    <section className="panel" aria-labelledby="reroute-title">
      <h2 id="reroute-title">{t('rules.rerouteTitle')}</h2>
      <p>{t('rules.rerouteExplain')}</p>
      <button type="button" disabled={reroute.isPending} onClick={() => reroute.mutate()}>{t('rules.reroute')}</button>
      <ErrorMessage error={reroute.error} />
      {reroute.data && <p role="status">{t('rules.rerouted', { count: reroute.data.count })}</p>}
    </section>
  );
}
