import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

import { BLOCKS } from '../../../../shared/domain/ranking';
import type { UnitType } from '../../../../shared/schemas/unit';

type Props = { label: string; current: UnitType; onChange: (b: UnitType) => void; title: (b: UnitType) => string; count: (b: UnitType) => number; children: ReactNode };

/** WAI-ARIA tabs for the three blocks: arrow keys, Home and End move between tabs; the panel follows. */
export const BlockTabs = ({ label, current, onChange, title, count, children }: Props) => {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = BLOCKS.indexOf(current);
    const next =
      e.key === 'ArrowRight' ? BLOCKS[(i + 1) % BLOCKS.length] : e.key === 'ArrowLeft' ? BLOCKS[(i + BLOCKS.length - 1) % BLOCKS.length] : e.key === 'Home' ? BLOCKS[0] : e.key === 'End' ? BLOCKS.at(-1) : undefined;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="inbox-tabs">
      <div role="tablist" aria-label={label}>
        {BLOCKS.map((b) => (
          <button
            key={b}
            ref={(el) => {
              refs.current[b] = el;
            }}
            type="button"
            role="tab"
            id={`inbox-tab-${b}`}
            aria-selected={b === current}
            aria-controls={`inbox-panel-${b}`}
            tabIndex={b === current ? 0 : -1}
            className={b === current ? 'inbox-tab inbox-tab-active' : 'inbox-tab'}
            onClick={() => onChange(b)}
            onKeyDown={onKey}
          >
            {title(b)} ({count(b)})
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`inbox-panel-${current}`} aria-labelledby={`inbox-tab-${current}`} tabIndex={0}>
        {children}
      </div>
    </div>
  );
};
