import { useId, useState } from 'react';
import type { InputHTMLAttributes } from 'react';

import { useT } from '../app/app-context';
import { defineMessages } from '../i18n/messages';

const m = defineMessages({
  vi: { choose: 'Chọn tệp…', none: 'Chưa chọn tệp nào' },
  en: { choose: 'Choose a file…', none: 'No file chosen' },
});

type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'>;

/**
 * A file chooser in the app's words: the browser's own control prints "Choose File / No file chosen" in the
 * browser's language whatever the app's. The real input stays (visually hidden, labelled by its Field, keyboard
 * focus shown on the button: styles.css), so uploads, tests and screen readers work as before.
 */
export const FileInput = (props: FileInputProps) => {
  const t = useT(m);
  const fallbackId = useId();
  const id = props.id ?? fallbackId;
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className="file-input">
      <input
        {...props}
        id={id}
        type="file"
        className="visually-hidden"
        onChange={(e) => {
          const files = e.target.files;
          setChosen(files && files.length > 0 ? [...files].map((f) => f.name).join(', ') : null);
          props.onChange?.(e);
        }}
      />
      <label htmlFor={id} className="btn" aria-hidden="true" data-disabled={props.disabled ? 'true' : undefined}>
        {t('choose')}
      </label>
      <span className="small muted">{chosen ?? t('none')}</span>
    </span>
  );
};
