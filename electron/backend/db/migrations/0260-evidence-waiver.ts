import type { Migration } from './types';

/**
 * "Không có tài liệu kiểm chứng — lý do: …" becomes its own choice on an answer (evidence_waiver: the reason,
 * NULL = no waiver), apart from the giải trình. Until now a giải trình on a sub-criterion without evidence
 * stood for that waiver (shared/domain/progress.ts counted it complete). So that nothing the unit already
 * finished turns incomplete without a word, each answer that relied on it — a giải trình written, not "không
 * áp dụng", no evidence linked — gets the giải trình as its waiver reason, which the node page, the preflight
 * and the outputs now show as a waiver the unit can keep, reword or take back.
 */
export const m0260EvidenceWaiver: Migration = {
  version: 260,
  name: 'evidence-waiver',
  up: (db) => {
    db.exec(`
      ALTER TABLE answer ADD COLUMN evidence_waiver TEXT CHECK (evidence_waiver IS NULL OR length(trim(evidence_waiver)) > 0);

      UPDATE answer SET evidence_waiver = explanation
      WHERE is_na = 0 AND length(trim(explanation)) > 0
        AND NOT EXISTS (
          SELECT 1 FROM evidence_link l WHERE l.assessment_id = answer.assessment_id AND l.node_id = answer.node_id
        );
    `);
  },
};
