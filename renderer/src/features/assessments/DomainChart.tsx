import type { LeafProgress } from '../../../../shared/domain/progress';
import type { AssessmentScore } from '../../../../shared/domain/scoring/index';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { dashMessages } from './messages-dashboard';

/**
 * Per-domain bars (SVG): track = the domain's maximum (scaled to the largest domain), solid = self-assessed
 * points, hatched = survey points. Every bar carries its figures as real text, so it reads without colour
 * or sight; the SVG is a list whose items are the bars.
 */

export type DomainBar = { id: string; code: string; title: string; score: number; max: number; self: number; survey: number };

export const domainBars = (set: IndicatorSet, score: AssessmentScore, leaves: readonly LeafProgress[]): DomainBar[] =>
  set.nodes.map((d) => {
    const s = score.byId[d.id];
    let survey = 0;
    for (const l of leaves) if (l.domainId === d.id && l.state === 'SURVEY') survey += l.score.score;
    const total = s?.score ?? 0;
    return { id: d.id, code: d.code, title: d.title, score: total, max: s?.max ?? 0, self: Math.max(0, total - survey), survey };
  });

const ROW = 46;
const LEFT = 0;
const WIDTH = 1000;

export const DomainChart = ({ bars }: { bars: DomainBar[] }) => {
  const t = useT(dashMessages);
  const lang = useLang();
  const biggest = Math.max(1, ...bars.map((b) => b.max));
  const scale = (v: number) => (v / biggest) * (WIDTH - LEFT);
  const height = bars.length * ROW + 4;
  return (
    <figure className="chart" aria-labelledby="chart-title">
      <figcaption>
        <h2 id="chart-title">{t('chart')}</h2>
        <p className="small muted" id="chart-desc">
          {t('chartDesc')}
        </p>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="list" aria-describedby="chart-desc" data-testid="domain-chart">
        <defs>
          <pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#9cc3ea" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#0b5cad" strokeWidth="4" />
          </pattern>
        </defs>
        {bars.map((b, i) => {
          const y = i * ROW;
          const text = t('barText', { code: b.code, title: b.title, score: formatPoints(b.score, lang), max: formatPoints(b.max, lang) });
          return (
            <g key={b.id} role="listitem" aria-label={text}>
              <text x={LEFT} y={y + 15} className="chart-label">
                {text}
              </text>
              <rect x={LEFT} y={y + 22} width={scale(b.max)} height={16} rx={3} className="chart-track" />
              <rect x={LEFT} y={y + 22} width={scale(b.self)} height={16} rx={3} className="chart-self" />
              {b.survey > 0 && <rect x={LEFT + scale(b.self)} y={y + 22} width={scale(b.survey)} height={16} fill="url(#hatch)" />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
