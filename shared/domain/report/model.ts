import type { DocumentFields } from '../admin-document/fields';

/**
 * The report model: one plain data structure that both official outputs (the Excel self-assessment table and
 * the PDF report) consume. It is deliberately independent of the indicator-set, answers and evidence schemas so
 * the exporters can be built and tested on their own; builder.ts maps the real data into it.
 *
 * Points are integer milli-points (thousandths of a point) everywhere; the exporters divide by 1000 only when
 * writing a cell or a string, never to compute.
 */

export type ReportRowLevel = 'domain' | 'criterion' | 'sub';

/**
 * - answered: the unit scored it;  na: "không áp dụng" (excluded, with a reason);
 * - survey: scored by Sở Nội vụ's sociological survey, not self-assessed;
 * - unanswered: still empty;  aggregate: a parent whose score is the sum of its children.
 */
export type ReportRowStatus = 'answered' | 'na' | 'survey' | 'unanswered' | 'aggregate';

/**
 * How a node counts toward the total: self-assessed and survey points add up; bonus and penalty blocks are
 * capped by the set and added/subtracted after (final = clamp(S + X + bonus − penalty, 0, max)).
 */
export type ReportNodeKind = 'self' | 'survey' | 'bonus' | 'penalty' | 'mixed';

/** A reference from a row to one evidence document (tài liệu kiểm chứng). */
export type ReportCitation = {
  evidenceId: string;
  /** Số/ký hiệu, e.g. "12/KH-UBND". */
  number: string;
  /** ISO yyyy-mm-dd, or null when unknown. */
  issuedDate: string | null;
  /** Trích yếu. */
  summary: string;
  /** The file's own name: what the report prints when the unit gave no number, date or summary. */
  originalName: string;
};

export type ReportNode = {
  level: ReportRowLevel;
  kind: ReportNodeKind;
  code: string;
  title: string;
  maxMilli: number;
  /** Số liệu kê khai as text ("Có", "12/15", "Không áp dụng: …"). */
  declaredInputsText: string;
  /** Phương pháp chấm (scoring rule in words). */
  methodText: string;
  /** Điểm tự đánh giá; null when not self-scored (survey, N/A, unanswered). */
  scoreMilli: number | null;
  status: ReportRowStatus;
  /** Giải trình. */
  explanation: string;
  citations: ReportCitation[];
  /** The unit's reason for having no evidence document ("Không có tài liệu kiểm chứng"); absent/'' = none. */
  evidenceWaiver?: string;
  /** Ghi chú (e.g. the N/A reason or "Điều tra XHH"). */
  note: string;
  children: ReportNode[];
};

export type ReportEvidence = {
  id: string;
  /** Loại văn bản (Kế hoạch, Báo cáo, Quyết định…). */
  docType: string;
  number: string;
  issuedDate: string | null;
  summary: string;
  /** Cơ quan ban hành. */
  issuer: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
  /** Codes of the nodes this document supports. */
  nodeCodes: string[];
};

/** Free text the unit writes for the report (sections I, V, VI). */
export type ReportNarrative = {
  basis: string;
  strengths: string;
  weaknesses: string;
  causes: string;
  recommendations: string;
};

export type ReportUnit = {
  name: string;
  code: string;
};

export type ReportDomainSummary = {
  code: string;
  title: string;
  kind: ReportNodeKind;
  maxMilli: number;
  /** Max that stays in the denominator (N/A under a "rescale" policy removes its max). */
  applicableMaxMilli: number;
  scoreMilli: number;
};

export type ReportCapped = { rawMilli: number; countedMilli: number; capMilli: number };

export type ReportTotals = {
  /** The set's scale (e.g. 100 points). */
  maxMilli: number;
  applicableMaxMilli: number;
  /** Final score = clamp(self + survey + bonus counted − penalty counted, 0, max). */
  scoreMilli: number;
  selfMilli: number;
  surveyMilli: number;
  bonus: ReportCapped;
  penalty: ReportCapped;
  /** Xếp loại, when the set defines bands and the score allows it. */
  classification: string | null;
};

export type ReportModel = {
  unit: ReportUnit;
  /** Letterhead, number, date, recipients and signer of the report as an administrative document. */
  document: DocumentFields;
  year: number;
  setName: string;
  setVersion: string;
  revision: number;
  /** ISO timestamp; also fixes the PDF's creation date so two generations are comparable. */
  generatedAt: string;
  domains: ReportNode[];
  summaries: ReportDomainSummary[];
  totals: ReportTotals;
  narrative: ReportNarrative;
  evidence: ReportEvidence[];
};

export const EMPTY_NARRATIVE: ReportNarrative = {
  basis: '',
  strengths: '',
  weaknesses: '',
  causes: '',
  recommendations: '',
};
