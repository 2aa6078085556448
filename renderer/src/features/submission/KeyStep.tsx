import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';

import type { ChosenKey, KeySource } from '../../../../shared/ipc/channels/signing';
import { AppFailure } from '../../../../shared/ipc/result';
import { usePlatform, useT } from '../../app/app-context';
import { FileInput } from '../../components/FileInput';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { submitMessages } from './messages';

export type KeySecret = { kind: 'p12'; password: string } | { kind: 'pkcs11'; pin: string };

type Uploaded = { file: File; uploadId: string };

/**
 * Step 2: a .p12/.pfx file (web host: a file input, uploaded once; Electron: the backend's native dialog) and
 * its password, or a USB token and its PIN. The secret field is cleared after every attempt — on success the
 * secret goes to the wizard (in memory, for the export call only), on failure the user retypes: a wrong
 * password or PIN is never retried automatically.
 */
export const KeyStep = ({ onOpened, onBack }: { onOpened: (p: ChosenKey, secret: KeySecret) => void; onBack: () => void }) => {
  const t = useT(submitMessages);
  const platform = usePlatform();
  // One channel for every signed export (shared/ipc/channels/signing.ts); the export channel takes the keyId.
  const openKey = (source: KeySource): Promise<ChosenKey> => platform.api.signing.chooseKey({ source });
  const [kind, setKind] = useState<'p12' | 'pkcs11'>('p12');
  const [file, setFile] = useState<File | null>(null);
  const uploaded = useRef<Uploaded | null>(null);
  const [secret, setSecret] = useState('');
  const [tokenSerial, setTokenSerial] = useState('');
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const dialogFile = useRef<string | null>(null);
  // Back to the (re-enabled) secret field after a failed attempt, ready to retype.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus) secretRef.current?.focus();
  }, [refocus]);
  const web = platform.kind === 'web';

  const uploadIdFor = async (f: File): Promise<string> => {
    if (uploaded.current?.file === f) return uploaded.current.uploadId;
    const [up] = await platform.uploadFiles([f]);
    if (!up) throw new AppFailure('BAD_FILE', t('noFile'));
    uploaded.current = { file: f, uploadId: up.uploadId };
    return up.uploadId;
  };

  const open = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const value = secret;
    if (!value) {
      setError(new AppFailure('VALIDATION', t('noSecret')));
      secretRef.current?.focus();
      return;
    }
    if (kind === 'p12' && web && !file) {
      setError(new AppFailure('VALIDATION', t('noFile')));
      return;
    }
    setOpening(true);
    // The typed secret leaves the field now, whatever happens next.
    setSecret('');
    try {
      if (kind === 'p12') {
        // Electron: after a wrong password the backend hands back the dialog's file as an opaque id.
        const uploadId = web && file ? await uploadIdFor(file) : dialogFile.current ?? undefined;
        const preview = await openKey({ kind: 'p12', password: value, ...(uploadId ? { uploadId } : {}) });
        onOpened(preview, { kind: 'p12', password: value });
      } else {
        const serial = tokenSerial.trim();
        const preview = await openKey({ kind: 'pkcs11', pin: value, ...(serial ? { tokenSerial: serial } : {}) });
        onOpened(preview, { kind: 'pkcs11', pin: value });
      }
    } catch (err) {
      // An expired upload id (after hours) is dropped so the next attempt uploads again.
      if (err instanceof AppFailure && err.code === 'NOT_FOUND') {
        uploaded.current = null;
        dialogFile.current = null;
      }
      const details = err instanceof AppFailure ? (err.details as { uploadId?: unknown } | undefined) : undefined;
      if (!web && typeof details?.uploadId === 'string') dialogFile.current = details.uploadId;
      setError(err);
      setOpening(false);
      setRefocus((n) => n + 1);
    }
  };

  return (
    <form onSubmit={(e) => void open(e)} noValidate>
      <fieldset className="fieldset">
        <legend>{t('keyKind')}</legend>
        <label className="choice">
          <input type="radio" name="key-kind" value="p12" checked={kind === 'p12'} onChange={() => setKind('p12')} disabled={opening} /> {t('kindP12')}
        </label>
        <label className="choice">
          <input type="radio" name="key-kind" value="pkcs11" checked={kind === 'pkcs11'} onChange={() => setKind('pkcs11')} disabled={opening} /> {t('kindToken')}
        </label>
      </fieldset>
      {kind === 'p12' ? (
        <>
          {web ? (
            <Field label={t('p12File')} {...(file ? { hint: t('p12Chosen', { name: file.name }) } : {})}>
              {(p) => (
                <FileInput
                  {...p}
                  accept=".p12,.pfx,application/x-pkcs12"
                  disabled={opening}
                  onChange={(e) => {
                    setFile(e.target.files?.[0] ?? null);
                    setError(null);
                  }}
                />
              )}
            </Field>
          ) : (
            <p className="muted small">{t('p12Dialog')}</p>
          )}
          <Field label={t('password')} hint={t('passwordHint')}>
            {(p) => <input {...p} ref={secretRef} type="password" autoComplete="off" value={secret} disabled={opening} onChange={(e) => setSecret(e.target.value)} maxLength={256} />}
          </Field>
        </>
      ) : (
        <>
          <p className="muted small">{web ? t('tokenWeb') : t('tokenDialog')}</p>
          <Field label={t('pin')} hint={t('pinHint')}>
            {(p) => <input {...p} ref={secretRef} type="password" autoComplete="off" inputMode="numeric" value={secret} disabled={opening} onChange={(e) => setSecret(e.target.value)} maxLength={64} />}
          </Field>
          <Field label={t('tokenSerial')}>
            {(p) => <input {...p} type="text" autoComplete="off" value={tokenSerial} disabled={opening} onChange={(e) => setTokenSerial(e.target.value)} maxLength={64} />}
          </Field>
        </>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="actions">
        <button type="button" className="btn" onClick={onBack} disabled={opening}>
          {t('previous')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={opening}>
          {opening ? t('opening') : t('open')}
        </button>
      </div>
    </form>
  );
};
