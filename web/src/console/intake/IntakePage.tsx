import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCoordinates } from '../../i18n/format.ts';
import { AppLink } from '../../navigation.tsx';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { useCategories } from '../categories.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { KelurahanSearch } from '../KelurahanSearch.tsx';
import { receiptPath } from '../paths.ts';
import { PickMap, type Point } from './PickMap.tsx';
import { rememberResidentToken } from './resident-token.ts';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { IntakeResult } from '../../../../server/src/console/schemas.ts';

type Location = { kind: 'pin'; point: Point } | { kind: 'kelurahan'; code: string; name: string; point: Point };

type Filed = Static<typeof IntakeResult>;

/**
 * "Ruang Rakyat": staff file a report for a resident on the phone or at the counter. The
 * location is a pin on the map, or only the kelurahan when the resident cannot say more.
 */
export function IntakePage() {
  const { t } = useTranslation('console');
  const { categories, nameOf } = useCategories();
  const [location, setLocation] = useState<Location | null>(null);
  const client = useQueryClient();
  const intake = useMutation({
    mutationFn: (body: object) => staffWrite<Filed>('POST', '/api/console/intake', body),
    onSuccess: (result) => {
      if (result.resident_token) rememberResidentToken(result.code, result.resident_token);
      return invalidateUrls(client, '/api/console/reports', '/api/moderation/queue');
    },
  });
  const filed = intake.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!location) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const reporter = { name: text('reporter_name'), phone: text('reporter_phone'), email: text('reporter_email') };
    intake.mutate({
      channel: form.get('channel'),
      category: form.get('category'),
      description: form.get('description'),
      address: text('address'),
      location: location.kind === 'pin' ? location.point : { kelurahan_code: location.code },
      reporter: reporter.name || reporter.phone || reporter.email ? reporter : undefined,
    });
  };

  if (filed) {
    return (
      <section className="panel intake-done" aria-labelledby="filed-title">
        <h1 id="filed-title" role="status">{t('intake.filed', { code: filed.code })}</h1>
        {filed.status === 'submitted' && <p className="warning">{t('intake.held')}</p>}
        <div className="button-row">
          <AppLink className="button primary" href={receiptPath(filed.code)}>{t('intake.printReceipt')}</AppLink>
          <button type="button" onClick={() => { intake.reset(); setLocation(null); }}>{t('intake.another')}</button>
        </div>
      </section>
    );
  }

  return (
    <form className="intake" onSubmit={submit} aria-labelledby="intake-title">
      <title>{`${t('nav.intake')} · PetaWarga`}</title>
      <h1 id="intake-title">{t('intake.title')}</h1>
      <div className="intake-columns">
        <div className="panel">
          <fieldset>
            <legend>{t('intake.channel')}</legend>
            <label className="checkbox"><input type="radio" name="channel" value="phone" defaultChecked /> {t('channel.phone')}</label>
            <label className="checkbox"><input type="radio" name="channel" value="walk_in" /> {t('channel.walk_in')}</label>
          </fieldset>
          <label>
            {t('intake.category')}
            <select name="category" required defaultValue="">
              <option value="" disabled>{t('intake.choose')}</option>
              {categories.map((c) => <option key={c.code} value={c.code}>{nameOf(c.code)}</option>)}
            </select>
          </label>
          <label>
            {t('intake.description')}
            <textarea name="description" rows={4} required minLength={10} maxLength={2000} />
          </label>
          <label>
            {t('intake.address')}
            <input name="address" maxLength={300} />
          </label>
          <fieldset>
            <legend>{t('intake.reporter')}</legend>
            <label>{t('intake.name')}<input name="reporter_name" maxLength={100} autoComplete="off" /></label>
            <label>{t('intake.phone')}<input name="reporter_phone" type="tel" autoComplete="off" /></label>
            <label>{t('intake.email')}<input name="reporter_email" type="email" autoComplete="off" /></label>
          </fieldset>
        </div>
        <fieldset className="panel intake-location">
          <legend>{t('intake.location')}</legend>
          <p className="hint">{t('intake.locationHint')}</p>
          <p aria-live="polite" className="chosen">
            {!location && t('intake.noLocation')}
            {location?.kind === 'pin' && t('intake.pinned', { coordinates: formatCoordinates(location.point.lat, location.point.lon) })}
            {location?.kind === 'kelurahan' && t('intake.atKelurahan', { name: location.name })}
          </p>
          <KelurahanSearch onPick={(hit) => setLocation({ kind: 'kelurahan', code: hit.code, name: hit.name, point: hit.label_point })} />
          <PickMap pin={location?.point ?? null} onPick={(point) => setLocation({ kind: 'pin', point })} />
        </fieldset>
      </div>
      <ErrorMessage error={intake.error} />
      <button type="submit" className="primary" disabled={intake.isPending || !location}>
        {intake.isPending ? t('intake.busy') : t('intake.submit')}
      </button>
    </form>
  );
}
