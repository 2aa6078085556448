import type { IndicatorNode } from '../../../../shared/schemas/indicator-set';
import { useT } from '../../app/app-context';
import { Field } from '../../components/Field';
import type { EditableAnswer } from './assessment-store';
import { nodeMessages } from './messages-pages';

export type EvidenceWaiverBoxProps = {
  node: IndicatorNode;
  answer: EditableAnswer;
  evidenceCount: number;
  disabled: boolean;
  onChange: (waiver: EditableAnswer['evidenceWaiver']) => void;
};

/**
 * "Không có tài liệu kiểm chứng — lý do: …": the explicit, separate choice that a sub-criterion has no
 * evidence document (the giải trình above explains the score and waives nothing). Offered while no document
 * is linked, and kept visible while a waiver is stored so it can be taken back.
 */
export const EvidenceWaiverBox = ({ node, answer, evidenceCount, disabled, onChange }: EvidenceWaiverBoxProps) => {
  const t = useT(nodeMessages);
  const waiver = answer.evidenceWaiver ?? null;
  if (evidenceCount > 0 && !waiver) return null;
  return (
    <div className="na-box" data-testid="evidence-waiver">
      <label className="choice">
        <input type="checkbox" checked={waiver !== null} disabled={disabled} onChange={(e) => onChange(e.target.checked ? { reason: '' } : null)} />
        {t('waiver')}
      </label>
      {waiver === null && node.evidenceRequired && evidenceCount === 0 && (
        <p className="field-error small" data-testid="evidence-needed">
          {t('waiverNeeded')}
        </p>
      )}
      {waiver !== null && evidenceCount > 0 && <p className="muted small">{t('waiverWithEvidence')}</p>}
      {waiver !== null && (
        <Field label={t('waiverReason')} hint={t('waiverHint')} error={waiver.reason.trim() ? undefined : t('waiverReasonMissing')}>
          {(p) => <textarea {...p} value={waiver.reason} disabled={disabled} maxLength={2000} onChange={(e) => onChange({ reason: e.target.value })} />}
        </Field>
      )}
    </div>
  );
};
