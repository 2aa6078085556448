import { useRef, useState } from 'react';

import { usePlatform } from '../app/app-context';

export type UploadButtonProps = {
  label: string;
  busyLabel: string;
  accept: string;
  testId?: string;
  disabled?: boolean;
  primary?: boolean;
  /** Receives the opaque upload id of the chosen file (never a path); errors go to onError. */
  onUploaded: (uploadId: string, file: File) => Promise<void>;
  onError: (e: unknown) => void;
};

/**
 * A button that opens the file chooser, hands the file to the backend (upload in the web host, dropped-file
 * registration in Electron) and runs `onUploaded` with the opaque id; busy while it works, reset after, so
 * the same file can be chosen again.
 */
export const UploadButton = ({ label, busyLabel, accept, testId, disabled, primary, onUploaded, onError }: UploadButtonProps) => {
  const { uploadFiles } = usePlatform();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const run = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const [up] = await uploadFiles([file]);
      if (up) await onUploaded(up.uploadId, file);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <label className={primary ? 'btn btn-primary' : 'btn'} aria-disabled={disabled || busy}>
      {busy ? busyLabel : label}
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        accept={accept}
        {...(testId ? { 'data-testid': testId } : {})}
        disabled={disabled || busy}
        onChange={(e) => void run(e.target.files?.[0])}
      />
    </label>
  );
};
