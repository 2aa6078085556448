import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

import './evidence.css';

export type ModalProps = { title: string; onClose: () => void; children: ReactNode; wide?: boolean; closeLabel: string };

/** A modal dialog: labelled, Escape closes it, focus moves inside and returns to the opener on close. */
export const Modal = ({ title, onClose, children, wide, closeLabel }: ModalProps) => {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, read when Escape is pressed: the effect below runs once per opening, so a parent that
  // passes a new function on every render (one that asks first about unsaved details) does not move the focus.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, []);
  return (
    <div className="ev-overlay">
      <div ref={ref} className={`ev-modal card${wide ? ' ev-modal-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id} tabIndex={-1}>
        <div className="row-between">
          <h3 id={id}>{title}</h3>
          <button type="button" className="btn" onClick={onClose}>
            {closeLabel}
          </button>
        </div>
        {children}
      </div>
    </div>
  );
};
