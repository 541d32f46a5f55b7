import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCoordinates } from '../../i18n/format.ts';
import { AppLink } from '../../navigation.tsx';
import { postJson, type ApiError } from '../api.ts';
import { useCategories } from '../categories.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { KelurahanSearch } from '../KelurahanSearch.tsx';
import { receiptPath } from '../paths.ts';
import { PickMap, type Point } from './PickMap.tsx';
import { rememberResidentToken } from './resident-token.ts';

type Location = { kind: 'pin'; point: Point } | { kind: 'kelurahan'; code: string; name: string; point: Point };

interface Filed {
  code: string;
  status: string;
  resident_token: string | null;
}

/**
 * "Ruang Rakyat": staff file a report for a resident on the phone or at the counter. The
 * location is a pin on the map, or only the kelurahan when the resident cannot say more.
 */
export function IntakePage() {
  const { t } = useTranslation();
  const { categories, nameOf } = useCategories();
  const [location, setLocation] = useState<Location | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [filed, setFiled] = useState<Filed | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!location) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const reporter = { name: text('reporter_name'), phone: text('reporter_phone'), email: text('reporter_email') };
    setBusy(true);
    setError(null);
    try {
      const result = await postJson<Filed>('/api/console/intake', {
        channel: form.get('channel'),
        category: form.get('category'),
        description: form.get('description'),
        address: text('address'),
        location: location.kind === 'pin' ? location.point : { kelurahan_code: location.code },
        reporter: reporter.name || reporter.phone || reporter.email ? reporter : undefined,
      });
      if (result.resident_token) rememberResidentToken(result.code, result.resident_token);
      setFiled(result);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  if (filed) {
    return (
      <section className="panel intake-done" aria-labelledby="filed-title">
        <h1 id="filed-title" role="status">{t('console.intake.filed', { code: filed.code })}</h1>
        {filed.status === 'submitted' && <p className="warning">{t('console.intake.held')}</p>}
        <div className="button-row">
          <AppLink className="button primary" href={receiptPath(filed.code)}>{t('console.intake.printReceipt')}</AppLink>
          <button type="button" onClick={() => { setFiled(null); setLocation(null); }}>{t('console.intake.another')}</button>
        </div>
      </section>
    );
  }

  return (
    <form className="intake" onSubmit={submit} aria-labelledby="intake-title">
      <title>{`${t('console.nav.intake')} · PetaWarga`}</title>
      <h1 id="intake-title">{t('console.intake.title')}</h1>
      <div className="intake-columns">
        <div className="panel">
          <fieldset>
            <legend>{t('console.intake.channel')}</legend>
            <label className="checkbox"><input type="radio" name="channel" value="phone" defaultChecked /> {t('console.channel.phone')}</label>
            <label className="checkbox"><input type="radio" name="channel" value="walk_in" /> {t('console.channel.walk_in')}</label>
          </fieldset>
          <label>
            {t('console.intake.category')}
            <select name="category" required defaultValue="">
              <option value="" disabled>{t('console.intake.choose')}</option>
              {categories.map((c) => <option key={c.code} value={c.code}>{nameOf(c.code)}</option>)}
            </select>
          </label>
          <label>
            {t('console.intake.description')}
            <textarea name="description" rows={4} required minLength={10} maxLength={2000} />
          </label>
          <label>
            {t('console.intake.address')}
            <input name="address" maxLength={300} />
          </label>
          <fieldset>
            <legend>{t('console.intake.reporter')}</legend>
            <label>{t('console.intake.name')}<input name="reporter_name" maxLength={100} autoComplete="off" /></label>
            <label>{t('console.intake.phone')}<input name="reporter_phone" type="tel" autoComplete="off" /></label>
            <label>{t('console.intake.email')}<input name="reporter_email" type="email" autoComplete="off" /></label>
          </fieldset>
        </div>
        <fieldset className="panel intake-location">
          <legend>{t('console.intake.location')}</legend>
          <p className="hint">{t('console.intake.locationHint')}</p>
          <p aria-live="polite" className="chosen">
            {!location && t('console.intake.noLocation')}
            {location?.kind === 'pin' && t('console.intake.pinned', { coordinates: formatCoordinates(location.point.lat, location.point.lon) })}
            {location?.kind === 'kelurahan' && t('console.intake.atKelurahan', { name: location.name })}
          </p>
          <KelurahanSearch onPick={(hit) => setLocation({ kind: 'kelurahan', code: hit.code, name: hit.name, point: hit.label_point })} />
          <PickMap pin={location?.point ?? null} onPick={(point) => setLocation({ kind: 'pin', point })} />
        </fieldset>
      </div>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy || !location}>
        {busy ? t('console.intake.busy') : t('console.intake.submit')}
      </button>
    </form>
  );
}
