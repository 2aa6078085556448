import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';

import type { Language } from '../../schemas/settings';

/**
 * A payload that failed its channel's schema, as data both languages can word: the dispatcher sends the
 * zod issue without the input (never echo what was sent: it may be a password) plus the type that was
 * received; the renderer rebuilds the sentence with zod's own English or Vietnamese locale.
 */
export type InputIssue = {
  path: string;
  /** The Vietnamese sentence (logs, CLI, and for rules written by hand, which only exist in Vietnamese). */
  message: string;
  code?: string;
  /** The type of the value received (invalid_type only), e.g. "number". */
  received?: string;
} & Record<string, unknown>;

/** Issue fields that describe the rule, never the input. */
const RULE_FIELDS = ['code', 'expected', 'origin', 'minimum', 'maximum', 'inclusive', 'exact', 'values', 'keys', 'format', 'pattern', 'divisor'] as const;

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isNaN(v) ? 'nan' : typeof v);

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
};

/** A zod issue → what crosses the boundary. */
export const toInputIssue = (issue: { path: readonly PropertyKey[]; message: string; code: string } & object, payload: unknown): InputIssue => {
  const out: InputIssue = { path: issue.path.map(String).join('.'), message: issue.message };
  for (const f of RULE_FIELDS) {
    const v = (issue as Record<string, unknown>)[f];
    if (v !== undefined && typeof v !== 'bigint') (out as Record<string, unknown>)[f] = v;
  }
  if (issue.code === 'invalid_type') out.received = typeOf(valueAt(payload, issue.path));
  return out;
};

/** A value of the received type, so zod's locale can say "received number" without the real input. */
const SAMPLE: Record<string, unknown> = { string: '', number: 0, nan: Number.NaN, boolean: false, array: [], object: {}, null: null, undefined, bigint: 0n };

const LOCALES = { vi: vi(), en: en() };

/** The issue's sentence in `lang`: zod's locale for built-in rules, the Vietnamese text for hand-written ones. */
export const inputIssueText = (issue: InputIssue, lang: Language): string => {
  if (!issue.code || issue.code === 'custom') return issue.message;
  const raw = { ...issue, input: issue.received ? SAMPLE[issue.received] : undefined, path: issue.path.split('.') };
  const text = LOCALES[lang].localeError(raw as never);
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
};

/** Names of payload fields a person would recognise; other paths are shown as they are. */
const FIELDS: Record<string, Record<Language, string>> = {
  name: { vi: 'Tên', en: 'Name' },
  code: { vi: 'Mã', en: 'Code' },
  year: { vi: 'Năm', en: 'Year' },
  deadline: { vi: 'Hạn nộp', en: 'Deadline' },
  assessmentId: { vi: 'Bản tự đánh giá', en: 'Self-assessment' },
  nodeId: { vi: 'Tiêu chí', en: 'Criterion' },
  explanation: { vi: 'Giải trình', en: 'Explanation' },
  reason: { vi: 'Lý do', en: 'Reason' },
  numerator: { vi: 'Tử số', en: 'Numerator' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  percent: { vi: 'Tỷ lệ phần trăm', en: 'Percentage' },
  count: { vi: 'Số lần', en: 'Count' },
  manualPoints: { vi: 'Điểm tự chấm', en: 'Self-scored points' },
  externalValue: { vi: 'Giá trị', en: 'Value' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  pin: { vi: 'Mã PIN', en: 'PIN' },
  comment: { vi: 'Nhận xét', en: 'Comment' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  '': { vi: '(toàn bộ dữ liệu)', en: '(whole payload)' },
};

/** "answer.inputs.percent" → "Tỷ lệ phần trăm (answer.inputs.percent)"; an unknown name → the path. */
export const fieldLabel = (path: string, lang: Language): string => {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? '';
  const label = FIELDS[last]?.[lang];
  if (!label) return path;
  return path === '' || path === last ? label : `${label} (${path})`;
};
