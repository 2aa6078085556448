/**
 * Values typed into a criterion's number fields that could not be saved (not a number in the UI's format, or
 * above the maximum). They are kept, per assessment, for as long as the app runs: the field shows the typed
 * text again when the user comes back to the criterion (even after visiting the library or the report, which
 * unmount the assessment pages), the save state says that something is not saved, and closing or reloading
 * the window asks first. Nothing typed is silently replaced by the saved value.
 */
export type Draft = { text: string; label: string };
/** nodeId → field (an AnswerInputs key) → what was typed. */
export type Drafts = ReadonlyMap<string, Readonly<Record<string, Draft>>>;

const byAssessment = new Map<string, Drafts>();

export const draftsOf = (assessmentId: string): Drafts => byAssessment.get(assessmentId) ?? new Map();

/** The drafts with one field set (text) or cleared (null); stored for the assessment and returned. */
export const withDraft = (assessmentId: string, nodeId: string, field: string, draft: Draft | null): Drafts => {
  const next = new Map(draftsOf(assessmentId));
  const fields: Record<string, Draft> = { ...(next.get(nodeId) ?? {}) };
  if (draft) fields[field] = draft;
  else delete fields[field];
  if (Object.keys(fields).length > 0) next.set(nodeId, fields);
  else next.delete(nodeId);
  if (next.size > 0) byAssessment.set(assessmentId, next);
  else byAssessment.delete(assessmentId);
  return next;
};
