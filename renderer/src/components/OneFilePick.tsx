import { usePlatform } from '../app/app-context';
import { Field } from './Field';
import { FileInput } from './FileInput';

export type OneFilePickProps = {
  /** The field's label in the browser (web host). */
  label: string;
  /** The button's text in Electron, where main opens its own dialog. */
  chooseLabel: string;
  accept: string;
  disabled?: boolean;
  primary?: boolean;
  /** A File the user chose in the browser, or null: ask the host's own dialog (Electron; the renderer never sees a path). */
  onFile: (file: File | null) => void;
};

/**
 * One file from outside, the way each host offers it: a file input in the browser (the page uploads the File),
 * a button in Electron that has main open its native dialog. The input is emptied after each choice, so the
 * same file can be chosen again after a refusal.
 */
export const OneFilePick = ({ label, chooseLabel, accept, disabled, primary, onFile }: OneFilePickProps) => {
  const platform = usePlatform();
  if (platform.kind === 'web') {
    return (
      <Field label={label}>
        {(p) => (
          <FileInput
            {...p}
            accept={accept}
            disabled={disabled}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              e.target.value = '';
              if (f) onFile(f);
            }}
          />
        )}
      </Field>
    );
  }
  return (
    <div className="actions">
      <button type="button" className={primary ? 'btn btn-primary' : 'btn'} disabled={disabled} onClick={() => onFile(null)}>
        {chooseLabel}
      </button>
    </div>
  );
};
