import { z } from 'zod';

import { fieldLabel, toInputIssue } from '../../shared/ipc/errors/validation';
import type { InputIssue } from '../../shared/ipc/errors/validation';
import { errOf } from '../../shared/ipc/result';
import type { Err } from '../../shared/ipc/result';

// Vietnamese messages for every zod issue the backend reports (logs, CLI; the renderer re-words them).
z.config(z.locales.vi());

/**
 * The VALIDATION answer to a payload that failed its schema: the first issue in the message, up to 20
 * issues as data (rule and path, never the input) so the renderer can word them in the UI language.
 */
export const invalidInput = (error: z.ZodError, payload: unknown): Err => {
  const issues: InputIssue[] = error.issues.slice(0, 20).map((i) => toInputIssue(i, payload));
  const first = issues[0];
  return first
    ? errOf('INVALID_INPUT', { field: fieldLabel(first.path, 'vi'), detail: first.message }, { issues })
    : errOf('INVALID_INPUT_EMPTY', {}, { issues });
};
