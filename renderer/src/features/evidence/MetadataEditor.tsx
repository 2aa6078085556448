import { useRef, useState } from 'react';
import type { FormEvent } from 'react';

import { DOC_TYPE_SUGGESTIONS, metaWarnings } from '../../../../shared/schemas/evidence';
import type { EvidenceDocument, EvidenceMeta } from '../../../../shared/schemas/evidence';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { useLeaveGuard } from '../../app/leave-guard';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { Modal } from './Modal';
import { evidenceMessages } from './messages';

export type MetadataEditorProps = {
  doc: EvidenceDocument;
  year: number | null;
  onClose: () => void;
  onSaved: (doc: EvidenceDocument) => void;
};

/**
 * Citation fields of one document (số/ký hiệu, ngày ban hành, trích yếu, cơ quan ban hành…). The date is the
 * app's own dd/mm/yyyy field (a native date input shows mm/dd/yyyy on some systems and turns 20012025 into
 * year 12025); a date that is not a day blocks saving and says so.
 */
export const MetadataEditor = ({ doc, year, onClose, onSaved }: MetadataEditorProps) => {
  const t = useT(evidenceMessages);
  const { api } = usePlatform();
  const [meta, setMeta] = useState<EvidenceMeta>(doc.meta);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useNote(evidenceMessages);
  // A ref as well: Enter in the date field commits and submits in the same event.
  const dateInvalid = useRef(false);
  const set = (k: keyof EvidenceMeta) => (e: { target: { value: string } }) => setMeta((m) => ({ ...m, [k]: e.target.value }));
  const warnings = year ? metaWarnings(meta, year) : [];
  // Typed details are not dropped without a word: leaving the page asks (app/leave-guard.ts), and so do Escape
  // and the dialog's close button. "Hủy" is the explicit way to drop them.
  const unsaved = JSON.stringify(meta) !== JSON.stringify(doc.meta) || dateInvalid.current;
  useLeaveGuard(unsaved, () => t('metaLeaveQuestion', { name: doc.originalName }));
  const closeAsking = () => {
    if (!unsaved || window.confirm(t('metaCloseQuestion', { name: doc.originalName }))) onClose();
  };
  const listId = `ev-doctypes-${doc.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // The typed date is not a day: saving would silently keep the old one.
    if (dateInvalid.current) {
      setProblem((t) => t('notSaved'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      onSaved(await api.evidence.updateMeta({ documentId: doc.id, meta }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('metaTitle', { name: doc.originalName })} onClose={closeAsking} closeLabel={t('close')}>
      <form onSubmit={submit} noValidate>
        {problem && (
          <p className="banner banner-error" role="alert">
            {problem}
          </p>
        )}
        <ErrorBanner error={error} />
        <div className="grid-2">
          <Field label={t('docType')}>
            {(p) => <input {...p} name="docType" list={listId} maxLength={100} value={meta.docType} onChange={set('docType')} />}
          </Field>
          <datalist id={listId}>
            {DOC_TYPE_SUGGESTIONS.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <Field label={t('docNumber')}>
            {(p) => <input {...p} name="docNumber" maxLength={100} value={meta.docNumber} onChange={set('docNumber')} />}
          </Field>
          <DateField
            label={t('issuedOn')}
            name="issuedOn"
            hint={warnings.includes('ISSUED_OUTSIDE_YEAR') ? `⚠ ${t('warnOutsideYear', { year: year ?? '' })}` : t('issuedOnHint')}
            invalidMessage={t('issuedOnInvalid')}
            value={meta.issuedOn || null}
            onCommit={(iso) => {
              dateInvalid.current = false;
              setMeta((m) => ({ ...m, issuedOn: iso ?? '' }));
            }}
            onInvalid={() => (dateInvalid.current = true)}
          />
          <Field label={t('issuer')}>
            {(p) => <input {...p} name="issuer" maxLength={300} value={meta.issuer} onChange={set('issuer')} />}
          </Field>
        </div>
        <Field label={t('summary')}>
          {(p) => <textarea {...p} name="summary" maxLength={2000} value={meta.summary} onChange={set('summary')} />}
        </Field>
        <Field label={t('note')}>
          {(p) => <textarea {...p} name="note" maxLength={4000} value={meta.note} onChange={set('note')} />}
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('save')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
};
