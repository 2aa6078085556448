import { z } from 'zod';

// Vietnamese messages for every zod issue the backend reports (the renderer shows them as they are).
z.config(z.locales.vi());

export type ValidationIssue = { path: string; message: string };

export const describeIssues = (error: z.ZodError): { message: string; issues: ValidationIssue[] } => {
  const issues = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(gốc)',
    message: i.message,
  }));
  const first = issues[0];
  const message = first
    ? `Dữ liệu gửi lên không hợp lệ — ${first.path}: ${first.message}`
    : 'Dữ liệu gửi lên không hợp lệ';
  return { message, issues };
};
