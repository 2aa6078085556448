import { useCallback, useEffect, useRef, useState } from 'react';

import { resolveDocumentFields } from '../../../../shared/domain/admin-document/defaults';
import type { DocumentFields } from '../../../../shared/domain/admin-document/fields';
import type { ReportDocumentInput, StoredReportDocument } from '../../../../shared/schemas/document-fields';
import { AppFailure } from '../../../../shared/ipc/result';
import { usePlatform } from '../../app/app-context';

/** The form's values: text as typed; an empty text means "the unit's default" (sent as null). */
export type DocumentForm = {
  number: string;
  date: string | null;
  symbol: string;
  place: string;
  governingBody: string;
  recipients: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
};
export type DocumentFormKey = Exclude<keyof DocumentForm, 'date'>;

const toForm = (d: StoredReportDocument['document']): DocumentForm => ({
  number: d.number,
  date: d.date,
  symbol: d.symbol ?? '',
  place: d.place ?? '',
  governingBody: d.governingBody ?? '',
  recipients: (d.recipients ?? []).join('\n'),
  signerAuthority: d.signerAuthority ?? '',
  signerTitle: d.signerTitle ?? '',
  signerName: d.signerName ?? '',
});

const orNull = (s: string): string | null => (s.trim() === '' ? null : s);

export const toInput = (f: DocumentForm): ReportDocumentInput => {
  const lines = f.recipients.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    number: f.number,
    date: f.date,
    symbol: orNull(f.symbol),
    place: orNull(f.place),
    governingBody: orNull(f.governingBody),
    recipients: lines.length ? lines : null,
    signerAuthority: orNull(f.signerAuthority),
    signerTitle: orNull(f.signerTitle),
    signerName: orNull(f.signerName),
  };
};

export type ReportDocumentState = {
  stored: StoredReportDocument | null;
  form: DocumentForm | null;
  loadError: unknown;
  saveError: unknown;
  dirty: boolean;
  saving: boolean;
  /** What the PDF will print with the current (unsaved) values. */
  preview: DocumentFields | null;
  set: <K extends keyof DocumentForm>(key: K, value: DocumentForm[K]) => void;
  /** The date field holds text that is not a day (DateField onInvalid), or no longer does. */
  markDateInvalid: (invalid: boolean) => void;
  /** Saves when there are changes (the export buttons call it first, so the PDF has what is on screen). */
  save: () => Promise<void>;
};

export const useReportDocument = (assessmentId: string): ReportDocumentState => {
  const { api } = usePlatform();
  const [stored, setStored] = useState<StoredReportDocument | null>(null);
  const [form, setForm] = useState<DocumentForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const latest = useRef<DocumentForm | null>(null);
  const changed = useRef(false);
  // Text in the date field that is not a day: the form still holds the previous date, so saving (and the
  // export, which saves first) would print a date the user no longer sees. Both wait until it is corrected.
  const dateInvalid = useRef(false);

  useEffect(() => {
    let stale = false;
    api.report.getDocument({ assessmentId }).then(
      (s) => {
        if (stale) return;
        setStored(s);
        latest.current = toForm(s.document);
        setForm(latest.current);
      },
      (e: unknown) => !stale && setLoadError(e),
    );
    return () => {
      stale = true;
    };
  }, [api, assessmentId]);

  const set = useCallback(<K extends keyof DocumentForm>(key: K, value: DocumentForm[K]) => {
    if (!latest.current) return;
    latest.current = { ...latest.current, [key]: value };
    changed.current = true;
    setForm(latest.current);
    setDirty(true);
  }, []);

  const markDateInvalid = useCallback((invalid: boolean) => {
    dateInvalid.current = invalid;
    if (invalid) setDirty(true);
  }, []);

  const save = useCallback(async () => {
    if (dateInvalid.current) {
      const e = AppFailure.of('DOCUMENT_DATE_INVALID');
      setSaveError(e);
      throw e;
    }
    if (!changed.current || !latest.current) return;
    setSaving(true);
    setSaveError(null);
    try {
      const s = await api.report.saveDocument({ assessmentId, document: toInput(latest.current) });
      changed.current = false;
      setStored(s);
      setDirty(false);
    } catch (e) {
      setSaveError(e);
      throw e;
    } finally {
      setSaving(false);
    }
  }, [api, assessmentId]);

  const input = form ? toInput(form) : null;
  const preview =
    stored && input
      ? resolveDocumentFields(stored.defaults, {
          ...input,
          number: input.number.trim(),
          symbol: input.symbol?.trim().toLocaleUpperCase('vi') ?? null,
          place: input.place ?? null,
          governingBody: input.governingBody ?? null,
          recipients: input.recipients ?? null,
          signerAuthority: input.signerAuthority ?? null,
          signerTitle: input.signerTitle ?? null,
          signerName: input.signerName ?? null,
        })
      : null;
  return { stored, form, loadError, saveError, dirty, saving, preview, set, markDateInvalid, save };
};
