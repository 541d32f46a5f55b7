import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { categoryDescription, categoryName, type Category } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { jsonQuery } from '../query-client.ts';
import { LocationPicker } from './LocationPicker.tsx';
import { NearbyReports } from './NearbyReports.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { publicReportUrl, type PublicReport } from './public-report.ts';
import { checkDraft, limits, photoProblem, type FieldErrors, type ReportDraft } from './report-draft.ts';
import { fieldErrorsFromServer } from './server-field-errors.ts';
import { newIdempotencyKey, submitReport } from './submit-report.ts';
import { TextField } from './TextField.tsx';

interface Props {
  map: MapLibreMap;
  categories: Category[];
  onSubmitted(report: PublicReport): void;
  onCancel(): void;
}

const emptyDraft: ReportDraft = {
  pin: null, category: '', description: '', address: '', reporterName: '', reporterPhone: '', reporterEmail: '', photos: [],
};

/** The resident's report: where, what, optional contact and photos; sent as one multipart POST. */
export function ReportForm({ map, categories, onSubmitted, onCancel }: Props) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  const [draft, setDraft] = useState(emptyDraft);
  // One key per opened form: every retry of this submission carries the same one.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Error | 'check-fields' | null>(null);
  const alert = useRef<HTMLDivElement>(null);
  const update = (change: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...change }));
  const chosenCategory = categories.find((c) => c.code === draft.category);
  const client = useQueryClient();
  const submission = useMutation({
    mutationFn: () => submitReport(draft, idempotencyKey),
    onSuccess: (report) => {
      // Its page then opens without asking the server again.
      client.setQueryData(jsonQuery<PublicReport>(publicReportUrl(report.code)).queryKey, report);
      onSubmitted(report);
    },
    onError: (error) => {
      setFailure(error);
      if (error instanceof ApiError) setFieldErrors(fieldErrorsFromServer(error));
      requestAnimationFrame(() => alert.current?.focus());
    },
  });
  const sending = submission.isPending;

  const send = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFailure('check-fields');
      requestAnimationFrame(() => alert.current?.focus());
      return;
    }
    setFailure(null);
    submission.mutate();
  };

  return (
    <form className="report-form" onSubmit={send} noValidate aria-busy={sending}>
      <div ref={alert} tabIndex={-1} role="alert" className={failure ? 'form-alert' : undefined}>
        {failure === 'check-fields' && t('errors.checkFields')}
        {failure instanceof ApiError && failure.messageIn(language)}
        {failure instanceof Error && !(failure instanceof ApiError) && t('failure.unexpected')}
      </div>

      <LocationPicker map={map} pin={draft.pin} onPinChange={(pin) => update({ pin })} error={fieldErrors.location} />

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
              {category.icon} {categoryName(category, language)}
            </option>
          ))}
        </select>
        <p id="report-category-hint" className="hint">{chosenCategory && categoryDescription(chosenCategory, language)}</p>
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

      <PhotoInput
        photos={draft.photos}
        onChange={(photos) => {
          update({ photos });
          setFieldErrors((current) => ({ ...current, photos: photoProblem(photos) }));
        }}
        error={fieldErrors.photos}
      />

      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? t('report.sending') : t('report.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={sending}>
          {t('report.cancel')}
        </button>
      </div>
    </form>
  );
}
