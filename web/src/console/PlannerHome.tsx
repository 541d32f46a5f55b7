import { useTranslation } from 'react-i18next';

/** A planner's console: planners read aggregates, not single reports, so the console points to the analytics. */
export function PlannerHome() {
  const { t } = useTranslation('console');
  return (
    <section data-testid="planner-home">
      <h1>{t('planner.title')}</h1>
      <p>{t('planner.explain')}</p>
      <p><a href="/analytics">{t('planner.open')}</a></p>
    </section>
  );
}
