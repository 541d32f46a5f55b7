import type { Map as MapLibreMap } from 'maplibre-gl';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { categoryDescription, categoryName, type Category } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { jsonQuery } from '../query-client.ts';
import { LocationPicker } from './LocationPicker.tsx';
import { NearbyReports } from './NearbyReports.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { shrinkPhoto } from './photo-shrink.ts';
import { publicReportUrl, type PublicReport } from './public-report.ts';
import { checkDraft, limits, photoProblem, type FieldErrors, type ReportDraft } from './report-draft.ts';
import { forgetReport } from './report-store.ts';
import { fieldErrorsFromServer } from './server-field-errors.ts';
import { SendingStatus } from './SendingStatus.tsx';
import { TextField } from './TextField.tsx';
import { CategoryIcon } from '../map/CategoryIcon.tsx';
import { usePinInServiceArea } from './use-service-area.ts';
import { useReportSending } from './use-report-sending.ts';
import { useSavedDraft } from './use-saved-draft.ts';

interface Props {
  map: MapLibreMap;
  categories: Category[];
  onSubmitted(report: PublicReport): void;
  onCancel(): void;
}

const emptyDraft: ReportDraft = {
  pin: null, category: '', description: '', address: '', reporterName: '', reporterPhone: '', reporterEmail: '', photos: [],
};

/**
 * The resident's report: where, what, optional contact and photos. Kept on the device from the
 * first keystroke; sent as one multipart POST, or queued until the connection returns.
 */
export function ReportForm({ map, categories, onSubmitted, onCancel }: Props) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  const { draft, update, idempotencyKey, restored, stopPendingSave } = useSavedDraft(emptyDraft);
  const client = useQueryClient();
  const submitted = useCallback((report: PublicReport) => {
    // Its page then opens without asking the server again.
    client.setQueryData(jsonQuery<PublicReport>(publicReportUrl(report.code)).queryKey, report);
    onSubmitted(report);
  }, [client, onSubmitted]);
  const { sending, send, retry, cancel } = useReportSending(idempotencyKey, submitted);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [checkFields, setCheckFields] = useState(false);
  const [shrinking, setShrinking] = useState(false);
  const pinInside = usePinInServiceArea(draft.pin);
  const alert = useRef<HTMLDivElement>(null);
  const chosenCategory = categories.find((c) => c.code === draft.category);
  // The latest refusal: of this form's last attempt, else the one the draft was restored with.
  const outcome = sending.phase === 'editing' ? sending.outcome : undefined;
  const failure = outcome instanceof ApiError ? outcome : outcome ? undefined : restored?.rejection;
  const busy = sending.phase !== 'editing' || shrinking;
  const focusAlert = () => requestAnimationFrame(() => alert.current?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    // Refused here, before a single byte goes up: the server would refuse it after the upload.
    if (pinInside === false) problems.location = 'errors.location.outside';
    setFieldErrors(problems);
    setCheckFields(Object.keys(problems).length > 0);
    if (Object.keys(problems).length > 0) return focusAlert();
    stopPendingSave();
    await send(draft);
  };
  useEffect(() => {
    if (!failure) return;
    setFieldErrors(fieldErrorsFromServer(failure));
    focusAlert();
  }, [failure]);

  const choosePhotos = async (photos: File[]) => {
    setShrinking(true);
    try {
      const shrunk = await Promise.all(photos.map((p) => (draft.photos.includes(p) ? p : shrinkPhoto(p))));
      update({ photos: shrunk });
      setFieldErrors((current) => ({ ...current, photos: photoProblem(shrunk) }));
    } finally {
      setShrinking(false);
    }
  };

  const discard = async () => {
    await forgetReport(idempotencyKey);
    onCancel();
  };

  if (sending.phase !== 'editing') {
    return <SendingStatus sending={sending} onCancel={cancel} onRetry={retry} />;
  }

  return (
    <form className="report-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div ref={alert} tabIndex={-1} role="alert" className={checkFields || failure ? 'form-alert' : undefined}>
        {checkFields ? t('errors.checkFields') : failure?.messageIn(language)}
      </div>
      {outcome === 'cancelled' && <p className="hint" role="status">{t('report.upload.cancelled')}</p>}

      <LocationPicker
        map={map} pin={draft.pin} onPinChange={(pin) => update({ pin })}
        outside={pinInside === false} error={fieldErrors.location}
      />

      <div className="field">
        <label htmlFor="report-category">{t('report.category.label')}</label>
        <select
          id="report-category"
          value={draft.category}
          onChange={(event) => update({ category: event.target.value })}
          aria-invalid={fieldErrors.category ? true : undefined}
          aria-describedby="report-category-hint"
        >
          <option value="">{t('report.category.placeholder')}</option>
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {categoryName(category, language)}
            </option>
          ))}
        </select>
        <p id="report-category-hint" className="hint category-hint">
          {chosenCategory && <><CategoryIcon code={chosenCategory.code} color={chosenCategory.color} /> {categoryDescription(chosenCategory, language)}</>}
        </p>
        {fieldErrors.category && <p className="field-error">{t(fieldErrors.category)}</p>}
      </div>

      <NearbyReports map={map} pin={draft.pin} category={draft.category} />

      <TextField
        id="report-description" label={t('report.description.label')} multiline
        value={draft.description} onChange={(description) => update({ description })}
        hint={t('report.description.hint', { min: limits.descriptionMin })} maxLength={limits.descriptionMax}
        error={fieldErrors.description} input={{ required: true, maxLength: limits.descriptionMax }}
      />
      <TextField
        id="report-address" label={t('report.address.label')}
        value={draft.address} onChange={(address) => update({ address })}
        hint={t('report.address.hint')} error={fieldErrors.address}
        input={{ maxLength: limits.addressMax, autoComplete: 'street-address' }}
      />

      <fieldset className="contact">
        <legend>{t('report.contact.legend')}</legend>
        <p className="hint privacy-note">{t('report.contact.privacy')}</p>
        <TextField
          id="report-reporter-name" label={t('report.contact.name')}
          value={draft.reporterName} onChange={(reporterName) => update({ reporterName })}
          error={fieldErrors.reporter_name} input={{ maxLength: limits.reporterNameMax, autoComplete: 'name' }}
        />
        <TextField
          id="report-reporter-phone" label={t('report.contact.phone')}
          value={draft.reporterPhone} onChange={(reporterPhone) => update({ reporterPhone })}
          error={fieldErrors.reporter_phone} input={{ type: 'tel', autoComplete: 'tel', inputMode: 'tel', placeholder: '+62 812 3456 7890' }}
        />
        <TextField
          id="report-reporter-email" label={t('report.contact.email')}
          value={draft.reporterEmail} onChange={(reporterEmail) => update({ reporterEmail })}
          error={fieldErrors.reporter_email} input={{ type: 'email', autoComplete: 'email', maxLength: limits.reporterEmailMax }}
        />
      </fieldset>

      <PhotoInput photos={draft.photos} onChange={choosePhotos} shrinking={shrinking} error={fieldErrors.photos} />

      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('report.submit')}
        </button>
        <button type="button" className="secondary" onClick={discard}>
          {t('report.cancel')}
        </button>
      </div>
    </form>
  );
}
