import { useEffect, useMemo, useRef } from 'react';

import { ancestry, isLeaf, isSurveyNode } from '../../../../shared/domain/indicator-tree';
import { explanationRequired, scoreNode, scoreProblemText } from '../../../../shared/domain/scoring/index';
import { formatDeduction, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { navigate } from '../../app/router';
import { Field } from '../../components/Field';
import type { EditableAnswer } from './assessment-store';
import { useAssessment } from './assessment-store';
import { EvidenceSlot } from './EvidenceSlot';
import { EvidenceWaiverBox } from './EvidenceWaiverBox';
import { MethodInput } from './MethodInput';
import { nodeMessages } from './messages-pages';
import { nodeHref } from './paths';
import { StatusIcon } from './StatusIcon';

/** One sub-criterion: guidance, the input for its method, live score + explanation, N/A, giải trình, evidence. */
export const NodePage = ({ nodeId }: { nodeId: string }) => {
  const t = useT(nodeMessages);
  const lang = useLang();
  const store = useAssessment();
  const { set, assessment, answers, leaves, leafById, readOnly, update } = store;
  const path = useMemo(() => ancestry(set, nodeId), [set, nodeId]);
  const node = path.at(-1);
  const heading = useRef<HTMLHeadingElement>(null);
  const order = leaves.findIndex((l) => l.node.id === nodeId);
  const prev = order > 0 ? leaves[order - 1] : undefined;
  const next = order >= 0 ? leaves[order + 1] : undefined;

  // Move focus to the title when the node changes, so keyboard and screen-reader users start at the top.
  useEffect(() => {
    heading.current?.focus();
  }, [nodeId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' && next) navigate(nodeHref(assessment.id, next.node.id).slice(1));
      else if (e.key === 'ArrowLeft' && prev) navigate(nodeHref(assessment.id, prev.node.id).slice(1));
      else if (e.key.toLowerCase() === 'z' && !readOnly) void store.undo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [assessment.id, next, prev, readOnly, store]);

  if (!node) return <p className="card">{t('notFound')}</p>;
  if (!isLeaf(node)) {
    return (
      <section className="card">
        <h1 ref={heading} tabIndex={-1}>
          {node.code} {node.title}
        </h1>
        <p>{t('container')}</p>
        <ul>
          {(node.children ?? []).map((c) => (
            <li key={c.id}>
              <a href={nodeHref(assessment.id, c.id)}>
                {c.code} {c.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const method = node.method;
  const survey = isSurveyNode(node);
  const answer: EditableAnswer = answers.get(node.id) ?? { nodeId: node.id, inputs: {}, notApplicable: null, explanation: '' };
  const live = scoreNode(node, answer, lang);
  const leaf = leafById.get(node.id);
  const disabled = readOnly || survey;
  const na = answer.notApplicable !== null;
  const mustExplain = explanationRequired(node, live);
  // The missing giải trình is shown once, on its own field; every other problem under the score.
  const explanationNeeded = live.problems.some((p) => p.code === 'EXPLANATION_NEEDED');
  const otherProblems = live.problems.filter((p) => p.code !== 'EXPLANATION_NEEDED');
  const change = (patch: Partial<EditableAnswer>) => update({ ...answer, ...patch });
  // Counted as the dashboard counts ("Đã chấm x/43 tiêu chí tự chấm"): self-assessed and survey leaves apart.
  const sameKind = leaves.filter((l) => isSurveyNode(l.node) === survey);
  const position = { i: sameKind.findIndex((l) => l.node.id === node.id) + 1, n: sameKind.length };
  const nodeDrafts = store.drafts.get(node.id);
  const unsaved = Object.values(nodeDrafts ?? {}).map((d) => d.label);
  // A penalty's score is what it takes away: "−0,5 điểm (trừ tối đa 2)", never "0,5/2 điểm" as if earned.
  const scoreLine =
    node.kind === 'PENALTY'
      ? t('penaltyLine', { deducted: formatDeduction(live.score, lang), n: live.score / 1000, max: formatPoints(live.max, lang) })
      : t('computedLine', { score: formatPoints(live.score, lang), max: formatPoints(live.max, lang) });

  return (
    <article className="node-page" aria-labelledby="node-title">
      <nav aria-label={t('breadcrumb')} className="breadcrumb small">
        {path.slice(0, -1).map((p) => (
          <span key={p.id}>
            <a href={nodeHref(assessment.id, p.id)}>
              {p.code} {p.title}
            </a>{' '}
            ›{' '}
          </span>
        ))}
      </nav>
      <header className="node-head">
        <h1 id="node-title" ref={heading} tabIndex={-1}>
          {leaf && <StatusIcon state={leaf.state} />} {node.code} {node.title}
        </h1>
        <p className="muted small">
          {t('max', { max: formatPoints(live.max, lang) })}
          {method && <> · {t('method', { method: t(`method_${method.type}`) })}</>}
          {order >= 0 && <> · {t(survey ? 'positionSurvey' : 'position', position)}</>}
        </p>
        {readOnly && <p className="banner banner-warn">{t('readOnly')}</p>}
      </header>

      {(node.guidance || node.evidenceHints.length > 0) && (
        <section className="card">
          {node.guidance && (
            <>
              <h2>{t('guidance')}</h2>
              <p className="pre-line">{node.guidance}</p>
            </>
          )}
          {/* Suggested evidence stands on its own: many criteria have hints but no guidance text. */}
          {node.evidenceHints.length > 0 && (
            <>
              {node.guidance ? <h3>{t('hints')}</h3> : <h2>{t('hints')}</h2>}
              <ul data-testid="evidence-hints">
                {node.evidenceHints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="input-title">
        <h2 id="input-title">{t('input')}</h2>
        {survey && <p className="banner banner-warn">{t('survey')}</p>}
        {node.naPolicy !== 'NOT_ALLOWED' && !survey && (
          <div className="na-box">
            <label className="choice">
              <input
                type="checkbox"
                checked={na}
                disabled={disabled}
                onChange={(e) => change({ notApplicable: e.target.checked ? { reason: '' } : null })}
              />
              {t('na')}
            </label>
            <p className="muted small">{t(node.naPolicy === 'RESCALE' ? 'naPolicy_RESCALE' : 'naPolicy_FULL_MARKS')}</p>
            {na && (
              <Field label={t('naReason')} error={answer.notApplicable?.reason.trim() ? undefined : t('naReasonMissing')}>
                {(p) => (
                  <textarea
                    {...p}
                    value={answer.notApplicable?.reason ?? ''}
                    disabled={disabled}
                    maxLength={2000}
                    onChange={(e) => change({ notApplicable: { reason: e.target.value } })}
                  />
                )}
              </Field>
            )}
          </div>
        )}
        {method && !na && (
          <MethodInput
            key={node.id}
            node={node}
            method={method}
            inputs={answer.inputs}
            disabled={disabled}
            onChange={(inputs) => change({ inputs })}
            drafts={nodeDrafts}
            onDraft={(key, draft) => store.setDraft(node.id, key, draft)}
          />
        )}
      </section>

      <section className="card score-card" aria-labelledby="score-title">
        <h2 id="score-title">{t('computed')}</h2>
        {unsaved.length > 0 && (
          <p className="banner banner-error" role="alert" data-testid="node-unsaved">
            {t('unsaved', { fields: unsaved.map((f) => `“${f}”`).join(', ') })}
          </p>
        )}
        <p className={unsaved.length > 0 ? 'score-big score-stale' : 'score-big'} data-testid="node-score" aria-live="polite">
          {scoreLine}
          {unsaved.length > 0 && <span className="small"> {t('savedBasis')}</span>}
        </p>
        <p data-testid="node-explanation">
          <span className="muted">{t('how')}: </span>
          {live.explanation}
        </p>
        {otherProblems.map((p) => (
          <p key={p.code} className="field-error" role="alert">
            {scoreProblemText(p, lang)}
          </p>
        ))}
      </section>

      {!survey && (
        <section className="card">
          <Field
            label={mustExplain ? t('explanationRequired') : t('explanation')}
            hint={t('explanationHint')}
            error={explanationNeeded ? t('explanationMissing') : undefined}
          >
            {(p) => (
              <textarea
                {...p}
                value={answer.explanation}
                disabled={disabled}
                maxLength={8000}
                onChange={(e) => change({ explanation: e.target.value })}
              />
            )}
          </Field>
        </section>
      )}

      <section className="card" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t('evidence')}</h2>
        <p className="muted small">
          {t('evidenceCount', { n: leaf?.evidenceCount ?? 0 })}
          {node.evidenceRequired && <> · {t('evidenceRequired')}</>}
        </p>
        {!survey && !na && (
          <EvidenceWaiverBox
            node={node}
            answer={answer}
            evidenceCount={leaf?.evidenceCount ?? 0}
            disabled={disabled}
            onChange={(evidenceWaiver) => change({ evidenceWaiver })}
          />
        )}
        <EvidenceSlot assessmentId={assessment.id} nodeId={node.id} readOnly={readOnly} />
      </section>

      <nav className="pager" aria-label={t('shortcuts')}>
        {prev ? (
          <a className="btn" href={nodeHref(assessment.id, prev.node.id)} aria-keyshortcuts="Alt+ArrowLeft">
            {t('prev')} <span className="small muted">{prev.node.code}</span>
          </a>
        ) : (
          <span />
        )}
        <p className="small muted">{t('shortcuts')}</p>
        {next ? (
          <a className="btn btn-primary" href={nodeHref(assessment.id, next.node.id)} aria-keyshortcuts="Alt+ArrowRight">
            {t('next')} <span className="small">{next.node.code}</span>
          </a>
        ) : (
          <span />
        )}
      </nav>
    </article>
  );
};
