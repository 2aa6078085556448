import { FIELD_LABELS, missingFields, missingFieldsMessage } from '../admin-document/fields';
import type { ReportModel, ReportNarrative } from './model';

/** Narrative sections a final report must have; "Căn cứ" may stay empty (the report then cites the set). */
const REQUIRED_NARRATIVE = ['strengths', 'weaknesses', 'causes', 'recommendations'] as const;

const NARRATIVE_LABELS: Record<(typeof REQUIRED_NARRATIVE)[number], string> = {
  strengths: 'nội dung mục “Ưu điểm”',
  weaknesses: 'nội dung mục “Hạn chế”',
  causes: 'nội dung mục “Nguyên nhân”',
  recommendations: 'nội dung mục “Kiến nghị, đề xuất”',
};

export type ReportGaps = { fields: ReturnType<typeof missingFields>; narrative: (keyof ReportNarrative)[] };

/**
 * What keeps a report from being final: an empty number, date, recipient or signer field, or an empty
 * narrative section (a draft prints "…" or a dotted line there; a final report never does).
 */
export const reportGaps = (m: ReportModel): ReportGaps => ({
  fields: missingFields(m.document),
  narrative: REQUIRED_NARRATIVE.filter((k) => m.narrative[k].trim() === ''),
});

export const hasGaps = (g: ReportGaps): boolean => g.fields.length > 0 || g.narrative.length > 0;

export const reportGapsMessage = (g: ReportGaps): string =>
  missingFieldsMessage([
    ...g.fields.map((k) => FIELD_LABELS[k]),
    ...g.narrative.map((k) => NARRATIVE_LABELS[k as (typeof REQUIRED_NARRATIVE)[number]]),
  ]);
