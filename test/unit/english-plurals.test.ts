import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

/**
 * Every English message that puts a count before a countable noun uses the plural form, so that "1 units", "1 days
 * left" or "1 packages processed" cannot come back (they were on screen at stop 23). The check reads the message
 * files as text — every English dictionary of a file, not only its first — and `{name} <noun>s` or
 * `{name} evidence <noun>s` with a plain placeholder is the mistake.
 */
describe('English counts', () => {
  it('no `{n} <plural noun>` without `{n|singular|plural}`', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : /messages.*\.ts$/.test(d.name) ? [join(dir, d.name)] : []));
    const nouns = 'units|days|documents|packages|errors|files|signers|problems|items|points|criteria|sub-criteria|bundles|certificates|entries|rows|answers|links|self-assessments|results|revisions';
    const bad = new RegExp(`\\{\\w+\\} (evidence )?(${nouns})\\b`);
    const found = files('renderer/src').flatMap((f) => {
      // Each `en: {` block up to the next `vi: {` (a file may define several message sets).
      const en = readFileSync(f, 'utf8').split(/\n\s*en: \{/).slice(1).map((part) => part.split(/\n\s*vi: \{/)[0]!).join('\n');
      return en.split('\n').filter((l) => bad.test(l)).map((l) => `${f}: ${l.trim()}`);
    });
    expect(found).toEqual([]);
  });
});
