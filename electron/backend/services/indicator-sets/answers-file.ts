import { readFileSync } from 'node:fs';

import { isLeaf, nodeIndex } from '../../../../shared/domain/indicator-tree';
import type { PortableAnswersFile } from '../../../../shared/schemas/answers';
import { portableAnswersFileSchema } from '../../../../shared/schemas/answers';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { indicatorSetSha256 } from './catalog';

/** Reads a portable answers.json and checks it against the set it claims to answer. */

export type AnswersRead = { ok: true; file: PortableAnswersFile } | { ok: false; errors: string[] };

export const checkAnswersAgainstSet = (f: PortableAnswersFile, set: IndicatorSet): string[] => {
  const errors: string[] = [];
  if (f.indicatorSetId !== set.id) errors.push(`Tệp câu trả lời dành cho bộ chỉ số "${f.indicatorSetId}", không phải "${set.id}"`);
  if (f.indicatorSetSha256 && f.indicatorSetSha256 !== indicatorSetSha256(set)) {
    errors.push('Mã băm bộ chỉ số trong tệp câu trả lời không khớp bộ chỉ số đang dùng (bộ chỉ số đã thay đổi)');
  }
  const index = nodeIndex(set);
  f.answers.forEach((a, i) => {
    const node = index.get(a.nodeId);
    if (!node) errors.push(`answers[${i}]: bộ chỉ số không có tiêu chí "${a.nodeId}"`);
    else if (!isLeaf(node)) errors.push(`answers[${i}]: tiêu chí ${node.code} được tính từ tiêu chí con, không trả lời trực tiếp`);
  });
  return errors;
};

export const parsePortableAnswers = (text: string): AnswersRead => {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`Tệp JSON không hợp lệ: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const res = portableAnswersFileSchema.safeParse(raw);
  if (res.success) return { ok: true, file: res.data };
  return { ok: false, errors: res.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`) };
};

export const readPortableAnswers = (file: string, set: IndicatorSet): AnswersRead => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [`Không đọc được tệp: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const r = parsePortableAnswers(text);
  if (!r.ok) return r;
  const errors = checkAnswersAgainstSet(r.file, set);
  return errors.length ? { ok: false, errors } : r;
};
