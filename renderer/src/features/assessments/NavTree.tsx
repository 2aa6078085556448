import { memo, useEffect, useMemo, useRef, useState } from 'react';

import { isLeaf } from '../../../../shared/domain/indicator-tree';
import { matchesFilter } from '../../../../shared/domain/progress';
import type { LeafState, TreeFilter } from '../../../../shared/domain/progress';
import { buildSearchIndex } from '../../../../shared/domain/text-search';
import type { IndicatorNode } from '../../../../shared/schemas/indicator-set';
import type { Language } from '../../../../shared/schemas/settings';
import { formatDeduction, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { useAssessment } from './assessment-store';
import { shellMessages } from './messages';
import { nodeHref } from './paths';
import { LEGEND_STATES, StatusIcon } from './StatusIcon';

/** Domains → criteria → sub-criteria with status icons, filters and diacritics-insensitive search. */

const FILTERS: TreeFilter[] = ['all', 'unscored', 'missingEvidence', 'belowMax'];

type LeafRowProps = { href: string; code: string; title: string; state: LeafState; points: string; current: boolean };

// Memoised: typing in one field re-renders only the row whose score or state changed.
const LeafRow = memo(({ href, code, title, state, points, current }: LeafRowProps) => {
  const ref = useRef<HTMLLIElement>(null);
  // Keep the open sub-criterion visible in the (scrolling) sidebar.
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  return (
    <li ref={ref} className={current ? 'tree-leaf current' : 'tree-leaf'}>
      <a href={href} {...(current ? { 'aria-current': 'page' as const } : {})}>
        <StatusIcon state={state} />
        <span className="tree-code">{code}</span>
        <span className="tree-title">{title}</span>
        <span className="tree-points">{points}</span>
      </a>
    </li>
  );
});
LeafRow.displayName = 'LeafRow';

const pts = (score: number, max: number, lang: Language) => `${formatPoints(score, lang)}/${formatPoints(max, lang)}`;
/** A penalty (or a group made only of penalties) takes points away: shown as "−0,5", never as points earned. */
const isPenalty = (n: IndicatorNode): boolean => (isLeaf(n) ? n.kind === 'PENALTY' : (n.children ?? []).length > 0 && (n.children ?? []).every(isPenalty));
const shown = (n: IndicatorNode, score: number, max: number, lang: Language) => (isPenalty(n) ? formatDeduction(score, lang) : pts(score, max, lang));

export const NavTree = ({ currentNodeId, headingLevel = 2 }: { currentNodeId?: string; headingLevel?: 1 | 2 }) => {
  const t = useT(shellMessages);
  const lang = useLang();
  const { set, leaves, leafById, score, assessment } = useAssessment();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<TreeFilter>('all');
  const index = useMemo(() => buildSearchIndex(leaves.map((l) => l.node), (n) => `${n.code} ${n.title}`), [leaves]);
  const visible = useMemo(() => {
    const ids = new Set(index.filter(query).map((n) => n.id));
    for (const l of leaves) if (!matchesFilter(l, filter)) ids.delete(l.node.id);
    return ids;
  }, [index, query, filter, leaves]);
  const narrowed = query.trim() !== '' || filter !== 'all';
  const H = headingLevel === 1 ? 'h1' : 'h2';

  const render = (nodes: readonly IndicatorNode[]): React.ReactNode[] =>
    nodes.flatMap((n) => {
      if (isLeaf(n)) {
        const l = leafById.get(n.id);
        if (!l || !visible.has(n.id)) return [];
        return [
          <LeafRow
            key={n.id}
            href={nodeHref(assessment.id, n.id)}
            code={n.code}
            title={n.title}
            state={l.state}
            points={shown(n, l.score.score, l.score.max, lang)}
            current={n.id === currentNodeId}
          />,
        ];
      }
      const kids = render(n.children ?? []);
      if (kids.length === 0) return [];
      const s = score.byId[n.id];
      return [
        <li key={n.id} className="tree-branch">
          <a href={nodeHref(assessment.id, n.id)} className="tree-branch-link" {...(n.id === currentNodeId ? { 'aria-current': 'page' as const } : {})}>
            <span className="tree-code">{n.code}</span>
            <span className="tree-title">{n.title}</span>
            {s && <span className="tree-points">{shown(n, s.score, s.max, lang)}</span>}
          </a>
          <ul>{kids}</ul>
        </li>,
      ];
    });

  const items = render(set.nodes);
  return (
    <nav className="nav-tree" aria-labelledby="tree-title">
      <H id="tree-title" className="tree-heading">
        {t('treeTitle')}
      </H>
      <div className="field">
        <label htmlFor="tree-search">{t('search')}</label>
        <input id="tree-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="tree-search-hint" />
        <p id="tree-search-hint" className="field-hint">
          {t('searchHint')}
        </p>
      </div>
      <div className="chips" role="group" aria-label={t('filters')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className={f === filter ? 'chip chip-active' : 'chip'} aria-pressed={f === filter} onClick={() => setFilter(f)}>
            {t(`f_${f}`)}
          </button>
        ))}
      </div>
      <p className="small muted" role="status" data-testid="tree-count">
        {narrowed ? t('matches', { n: visible.size }) : ''}
      </p>
      {items.length === 0 ? <p className="muted">{t('noMatch')}</p> : <ul className="tree">{items}</ul>}
      <details className="legend small">
        <summary>{t('legend')}</summary>
        <ul>
          {LEGEND_STATES.map((s) => (
            <li key={s}>
              <StatusIcon state={s} /> {t(`st_${s}`)}
            </li>
          ))}
        </ul>
      </details>
    </nav>
  );
};
