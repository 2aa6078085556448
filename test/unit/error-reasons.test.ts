import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { ERROR_REASON_TEXTS, ERROR_REASONS, REASON_TABLES } from '../../shared/ipc/errors/index';
import { PHRASES } from '../../shared/ipc/errors/phrases';
import { FORMAT_NAMES, placeholdersOf } from '../../shared/ipc/errors/text';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((f) => {
    const rel = join(dir, f);
    if (statSync(join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.tsx?$/.test(f) ? [rel] : [];
  });

const VIETNAMESE = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐ]/;
const names = (template: string) => placeholdersOf(template).map((p) => p.split(':')[0]!);

describe('error reasons', () => {
  it('each reason is defined once, in one table', () => {
    const all = Object.values(REASON_TABLES).flatMap((t) => Object.keys(t));
    expect(all.length).toBe(new Set(all).size);
    expect(ERROR_REASONS.length).toBe(all.length);
  });

  it('both languages format a shared placeholder alike, every format exists, English has no Vietnamese words', () => {
    for (const [reason, t] of Object.entries({ ...ERROR_REASON_TEXTS, ...PHRASES })) {
      const vi = placeholdersOf(t.vi);
      for (const p of placeholdersOf(t.en)) {
        const name = p.split(':')[0]!;
        if (vi.some((v) => v.split(':')[0] === name)) expect(vi, `${reason}: {${p}} in both languages`).toContain(p);
      }
      for (const p of [...vi, ...placeholdersOf(t.en)]) {
        const format = p.split(':')[1];
        if (format) expect(FORMAT_NAMES, `${reason}: format of {${p}}`).toContain(format);
      }
      // English words only, except names the Vietnamese law gives ("giải trình") and data placeholders.
      expect(t.en.replace(/\{[^}]*\}/g, ''), `${reason} in English`).not.toMatch(VIETNAMESE);
      expect(t.vi.normalize('NFC'), `${reason} is NFC`).toBe(t.vi);
    }
  });

  it('sentence parts have the same placeholders in both languages', () => {
    for (const [key, phrase] of Object.entries(PHRASES)) expect(names(phrase.en).sort(), key).toEqual(names(phrase.vi).sort());
  });

  it('every reason is used somewhere outside the table (no dead text)', () => {
    const code = [...sources('electron'), ...sources('renderer'), ...sources('shared')]
      .filter((f) => !f.startsWith(join('shared', 'ipc', 'errors')))
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n');
    const unused = ERROR_REASONS.filter((r) => !code.includes(`'${r}'`));
    expect(unused).toEqual([]);
  });

  it('every reason the backend or the shell fails with has an English text of its own', () => {
    const thrown = new Set<string>();
    for (const f of [...sources('electron'), ...sources('shared')]) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      // reasons, and the sentence parts that helpers (evidence type, backup, PNG refusals) pass on
      for (const m of text.matchAll(/(?:AppFailure\.of|errOf|invalidBackup|refuse)\(\s*'([A-Z][A-Z0-9_]+)'(?:,\s*'(PNG_[A-Z_]+)')?/g)) {
        thrown.add(m[2] ?? m[1]!);
      }
    }
    expect(thrown.size).toBeGreaterThan(100);
    const texts = { ...ERROR_REASON_TEXTS, ...PHRASES } as Record<string, { vi: string; en: string } | undefined>;
    for (const r of thrown) {
      const t = texts[r];
      expect(t, `${r} is in the table`).toBeDefined();
      const onlyPlaceholders = t!.vi.replace(/\{[^}]*\}/g, '').replace(/[^\p{L}]/gu, '') === '';
      if (!onlyPlaceholders) expect(t!.en, `${r} has its own English`).not.toBe(t!.vi);
    }
  });

  it('the backend fails only with reasons: no AppFailure built from a code and a free message', () => {
    const offenders = [...sources('electron'), ...sources('shared')]
      .filter((f) => !f.endsWith(join('shared', 'ipc', 'result.ts')))
      .filter((f) => /new AppFailure\(/.test(readFileSync(join(ROOT, f), 'utf8')))
      .map((f) => relative(ROOT, join(ROOT, f)));
    expect(offenders).toEqual([]);
  });
});
