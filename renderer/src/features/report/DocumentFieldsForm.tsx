import type { FormEvent } from 'react';

import { formatDocumentNumber, formatPlaceDate } from '../../../../shared/domain/admin-document/format';
import { useT } from '../../app/app-context';
import { useLeaveGuard } from '../../app/leave-guard';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { documentMessages } from './document-messages';
import type { DocumentFormKey, ReportDocumentState } from './use-report-document';

type TextField = { key: DocumentFormKey; hint?: 'numberHint' | 'symbolHint' | 'signerAuthorityHint'; numeric?: boolean };

const ROW_1: TextField[] = [
  { key: 'number', hint: 'numberHint', numeric: true },
  { key: 'symbol', hint: 'symbolHint' },
];
const SIGNER: TextField[] = [{ key: 'signerAuthority', hint: 'signerAuthorityHint' }, { key: 'signerTitle' }, { key: 'signerName' }];

/**
 * "Thông tin văn bản": the report's number, date, recipients and signer. Each empty field falls back to the
 * unit's default, shown as the field's placeholder; a preview shows the "Số" and date lines as printed.
 */
export const DocumentFieldsForm = ({ state, readOnly }: { state: ReportDocumentState; readOnly: boolean }) => {
  const t = useT(documentMessages);
  const { form, stored, preview } = state;
  useLeaveGuard(state.dirty && !readOnly, () => t('leaveQuestion'));
  if (!form || !stored) return null;
  const d = stored.defaults;
  const placeholder: Record<DocumentFormKey, string> = {
    number: '',
    symbol: d.symbol,
    place: d.place,
    governingBody: d.governingBody,
    recipients: d.recipients.join('\n'),
    signerAuthority: d.signerAuthority,
    signerTitle: d.signerTitle,
    signerName: d.signerName,
  };
  const input = (f: TextField) => (
    <Field key={f.key} label={t(f.key)} {...(f.hint ? { hint: t(f.hint) } : {})}>
      {(p) => (
        <input
          {...p}
          name={`doc-${f.key}`}
          value={form[f.key]}
          placeholder={placeholder[f.key]}
          readOnly={readOnly}
          {...(f.numeric ? { inputMode: 'numeric' as const } : {})}
          onChange={(e) => state.set(f.key, e.target.value)}
        />
      )}
    </Field>
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    state.save().catch(() => undefined); // the error is in state.saveError, shown below
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="document-title">
      <h2 id="document-title">{t('title')}</h2>
      <p className="muted small">{t('intro')}</p>
      <div className="grid-2">{ROW_1.map(input)}</div>
      <div className="grid-2">
        <DateField
          label={t('date')}
          invalidMessage={t('dateInvalid')}
          value={form.date}
          disabled={readOnly}
          onCommit={(iso) => {
            state.markDateInvalid(false);
            state.set('date', iso);
          }}
          onInvalid={() => state.markDateInvalid(true)}
        />
        {input({ key: 'place' })}
      </div>
      {input({ key: 'governingBody' })}
      <Field label={t('recipients')} hint={t('recipientsHint')}>
        {(p) => (
          <textarea
            {...p}
            name="doc-recipients"
            rows={4}
            value={form.recipients}
            placeholder={placeholder.recipients}
            readOnly={readOnly}
            onChange={(e) => state.set('recipients', e.target.value)}
          />
        )}
      </Field>
      <div className="grid-2">{SIGNER.map(input)}</div>
      {preview && (
        <p className="muted small" data-testid="document-preview">
          {t('preview', { number: formatDocumentNumber(preview), placeDate: formatPlaceDate(preview.place, preview.date) })}
        </p>
      )}
      <ErrorBanner error={state.saveError} />
      {!readOnly && (
        <div className="actions">
          <button type="submit" className="btn" disabled={state.saving || !state.dirty}>
            {state.saving ? t('saving') : t('save')}
          </button>
          <span role="status" className="small muted" data-testid="document-save-state">
            {state.dirty ? t('unsaved') : stored.updatedAt ? t('saved') : ''}
          </span>
        </div>
      )}
    </form>
  );
};
