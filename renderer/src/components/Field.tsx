import { useId } from 'react';
import type { ReactNode } from 'react';

export type FieldProps = {
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Shows the "*" of a required field (the control itself carries `required` for assistive technology). */
  required?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
};

/** A labelled form control: the label is tied to the control, hints and errors are announced. */
export const Field = ({ label, hint, error, required, children }: FieldProps) => {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      {/* the "*" is CSS generated content with empty alternative text: seen, not read twice (styles.css) */}
      <label htmlFor={id} className={required ? 'required' : undefined}>
        {label}
      </label>
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};
