import type { z } from 'zod';

import type { IndicatorSet } from './indicator-set';
import { indicatorSetBaseSchema } from './indicator-set';
import { checkIndicatorSet } from './indicator-set-rules';

/** The full schema: shape + semantic rules. Parse output is the normalised document (defaults filled). */
export const indicatorSetSchema = indicatorSetBaseSchema.superRefine(checkIndicatorSet);

/**
 * Validates an unknown document as an indicator set and turns every zod issue into one Vietnamese line that
 * names the node (its code, found by following the issue path through the raw document) and the field.
 */

export type SetValidationError = { path: (string | number)[]; code: string | null; field: string; message: string };
export type SetValidation = { ok: true; set: IndicatorSet } | { ok: false; errors: SetValidationError[] };

/** Follows `path` through the raw document; returns the code of the deepest node on the way and the rest. */
const locate = (doc: unknown, path: readonly PropertyKey[]): { code: string | null; field: string } => {
  let cur: unknown = doc;
  let code: string | null = null;
  let fieldStart = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (cur === null || typeof cur !== 'object') break;
    cur = (cur as Record<PropertyKey, unknown>)[key];
    const parentKey = path[i - 1];
    if ((parentKey === 'nodes' || parentKey === 'children') && typeof key === 'number') {
      const c = cur && typeof cur === 'object' ? (cur as { code?: unknown }).code : undefined;
      code = typeof c === 'string' ? c : `#${key + 1}`;
      fieldStart = i + 1;
    }
  }
  const field = path.slice(fieldStart).map(String).join('.') || '(gốc)';
  return { code, field };
};

export const describeIssue = (doc: unknown, issue: z.core.$ZodIssue): SetValidationError => {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  // Messages from our own rules already name the node.
  if (issue.code === 'custom' && /^(Tiêu chí|Bộ chỉ số) /.test(issue.message)) {
    const { code, field } = locate(doc, issue.path);
    return { path, code, field, message: issue.message };
  }
  const { code, field } = locate(doc, issue.path);
  const where = code ? `Tiêu chí ${code}` : 'Bộ chỉ số';
  return { path, code, field, message: `${where} — ${field}: ${vietnameseIssue(issue, valueAt(doc, issue.path))}` };
};

const valueAt = (doc: unknown, path: readonly PropertyKey[]): unknown => {
  let cur: unknown = doc;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
};

const vietnameseIssue = (issue: z.core.$ZodIssue, value: unknown): string => {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'thiếu trường bắt buộc' : `sai kiểu dữ liệu (cần ${issue.expected})`;
    case 'too_small':
      return `giá trị quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case 'too_big':
      return `giá trị quá lớn (tối đa ${String(issue.maximum)})`;
    case 'invalid_value':
      return `giá trị không hợp lệ (chấp nhận: ${issue.values.map(String).join(', ')})`;
    case 'unrecognized_keys':
      return `trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'phương pháp chấm không hợp lệ (kiểm tra trường "type")';
    case 'invalid_format':
      return issue.message || 'sai định dạng';
    default:
      return issue.message;
  }
};

export const validateIndicatorSet = (doc: unknown): SetValidation => {
  const res = indicatorSetSchema.safeParse(doc);
  if (res.success) return { ok: true, set: res.data };
  return { ok: false, errors: res.error.issues.map((i) => describeIssue(doc, i)) };
};

/** Parses or throws an Error whose message lists every problem (for code paths that expect a valid set). */
export const parseIndicatorSet = (doc: unknown): IndicatorSet => {
  const v = validateIndicatorSet(doc);
  if (v.ok) return v.set;
  throw new Error(`Bộ chỉ số không hợp lệ:\n${v.errors.map((e) => `- ${e.message}`).join('\n')}`);
};
