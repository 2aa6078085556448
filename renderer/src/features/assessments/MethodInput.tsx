import { useId } from 'react';

import { rateToMilliPct } from '../../../../shared/domain/points';
import { bandIntervalText } from '../../../../shared/domain/scoring/index';
import { k } from '../../../../shared/domain/scoring/rate';
import type { AnswerInputs } from '../../../../shared/schemas/answers';
import type { IndicatorNode } from '../../../../shared/schemas/indicator-set';
import type { ScoringMethod } from '../../../../shared/schemas/indicator-set-methods';
import { formatPercent, formatPoints, numberInputExample } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { NumberField } from '../../components/NumberField';
import type { Draft } from './drafts';
import { nodeMessages } from './messages-pages';

/** The input that fits a leaf's scoring method (yes/no, level, numerator/denominator, count, value, points). */
export type MethodInputProps = {
  node: IndicatorNode;
  method: ScoringMethod;
  inputs: AnswerInputs;
  disabled: boolean;
  onChange: (inputs: AnswerInputs) => void;
  /** Invalid texts typed earlier in this leaf's number fields, by input key. */
  drafts?: Readonly<Record<string, Draft>> | undefined;
  onDraft: (key: keyof AnswerInputs, draft: Draft | null) => void;
};

const without = (inputs: AnswerInputs, key: keyof AnswerInputs, v: number | boolean | string | undefined): AnswerInputs => {
  const next: AnswerInputs = { ...inputs };
  if (v === undefined) delete next[key];
  else (next as Record<string, unknown>)[key] = v;
  return next;
};

export const MethodInput = ({ node, method, inputs, disabled, onChange, drafts, onDraft }: MethodInputProps) => {
  const t = useT(nodeMessages);
  const lang = useLang();
  const groupId = useId();
  const fp = (points: number) => formatPoints(k(points), lang);
  const numMessages = { badInt: t('badInt'), badDecimal: t('badDecimal'), tooBig: (max: string) => t('tooBig', { max }) };
  const num = (label: string, key: keyof AnswerInputs, decimals: 0 | 3, extra: { hint?: string; max?: number; testId?: string } = {}) => (
    <NumberField
      label={label}
      hint={`${extra.hint ? `${extra.hint} · ` : ''}${t(decimals === 0 ? 'intHint' : 'decimalHint', { example: numberInputExample(lang, decimals) })}`}
      value={inputs[key] as number | undefined}
      onValue={(v) => onChange(without(inputs, key, v))}
      draft={drafts?.[key]?.text}
      onDraft={(text) => onDraft(key, text === null ? null : { text, label })}
      decimals={decimals}
      lang={lang}
      disabled={disabled}
      messages={numMessages}
      {...(extra.max !== undefined ? { max: extra.max } : {})}
      {...(extra.testId ? { testId: extra.testId } : {})}
    />
  );

  switch (method.type) {
    case 'BINARY': {
      const penalty = node.kind === 'PENALTY';
      const question = method.question || node.title;
      return (
        <fieldset className="fieldset choice-group">
          <legend>{question}</legend>
          {[true, false].map((v) => (
            <label key={String(v)} className="choice">
              <input type="radio" name={`${groupId}-met`} checked={inputs.met === v} disabled={disabled} onChange={() => onChange({ ...inputs, met: v })} />
              {penalty ? t(v ? 'yes' : 'no') : t(v ? 'met' : 'notMet')}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'LEVELS':
      return (
        <fieldset className="fieldset choice-group">
          <legend>{t('level')}</legend>
          {method.levels.map((l) => (
            <label key={l.id} className="choice">
              <input
                type="radio"
                name={`${groupId}-level`}
                checked={inputs.levelId === l.id}
                disabled={disabled}
                onChange={() => onChange({ ...inputs, levelId: l.id })}
              />
              {t('levelOption', { label: l.label, points: fp(l.points) })}
            </label>
          ))}
        </fieldset>
      );
    case 'BANDS':
    case 'LINEAR':
    case 'PIECEWISE': {
      const { numerator: n, denominator: d } = inputs;
      const rate =
        n !== undefined && d !== undefined && d > 0 && n <= d
          ? t('rate', { rate: `${formatPercent(rateToMilliPct(method.complement ? { num: d - n, den: d } : { num: n, den: d }), lang)} %` })
          : inputs.percent !== undefined && n === undefined && d === undefined
            ? t('rate', { rate: `${formatPercent(k(inputs.percent), lang)} %` })
            : t('rateUnknown');
      return (
        <div>
          <div className="grid-2">
            {num(method.numeratorLabel, 'numerator', 0, { testId: 'numerator' })}
            {num(method.denominatorLabel, 'denominator', 0, { testId: 'denominator' })}
          </div>
          <p className="rate" data-testid="rate">
            {rate}
          </p>
          {method.type === 'BANDS' && (
            <details className="method-details">
              <summary>{t('bands')}</summary>
              <ul>
                {method.bands.map((b, i) => (
                  <li key={i}>{t('band', { interval: bandIntervalText(b, i > 0 ? method.bands[i - 1]! : null, lang), points: fp(b.points) })}</li>
                ))}
                <li>{t('otherwise', { points: fp(method.otherwisePoints) })}</li>
              </ul>
            </details>
          )}
        </div>
      );
    }
    case 'COUNT_DEDUCT':
    case 'COUNT':
      return num(method.countLabel, 'count', 0, { hint: t('perEvent', { points: fp(method.perEvent) }), testId: 'count' });
    case 'EXTERNAL':
      return num(t('external', { source: method.source, scale: fp(method.scaleMax) }), 'externalValue', 3, { max: method.scaleMax, testId: 'external' });
    case 'MANUAL':
      return num(t('manual', { max: fp(node.maxPoints) }), 'manualPoints', 3, {
        hint: t('manualHint', { step: fp(method.step) }),
        max: node.maxPoints,
        testId: 'manual',
      });
    case 'SURVEY':
      return (
        <p className="muted">
          {inputs.percent !== undefined ? t('surveyValue', { value: `${formatPercent(k(inputs.percent), lang)} %` }) : t('surveyPending')}
        </p>
      );
  }
};
