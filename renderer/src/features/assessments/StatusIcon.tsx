import type { LeafState } from '../../../../shared/domain/progress';
import { useT } from '../../app/app-context';
import { shellMessages } from './messages';

/** A glyph per state; never colour alone: each icon has its own shape and an accessible name. */
const GLYPH: Record<LeafState, string> = {
  NOT_STARTED: '○',
  ANSWERED: '✓',
  NEEDS_EVIDENCE: '📎',
  NEEDS_EXPLANATION: '✎',
  INVALID: '!',
  NA: '–',
  SURVEY: '◔',
};

export const StatusIcon = ({ state }: { state: LeafState }) => {
  const t = useT(shellMessages);
  const label = t(`st_${state}`);
  return (
    <span className={`st st-${state}`} role="img" aria-label={label} title={label}>
      {GLYPH[state]}
    </span>
  );
};

export const LEGEND_STATES: readonly LeafState[] = ['NOT_STARTED', 'ANSWERED', 'NEEDS_EVIDENCE', 'NEEDS_EXPLANATION', 'INVALID', 'NA', 'SURVEY'];
