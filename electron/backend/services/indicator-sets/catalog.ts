import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import { indicatorSetSummarySchema } from '../../../../shared/schemas/indicator-set-summary';
import { validateIndicatorSet } from '../../../../shared/schemas/indicator-set-validate';

/** `document` is the validated, normalised set (defaults filled); `sha256` in the summary is over it. */
export type CatalogEntry = { summary: IndicatorSetSummary; document: IndicatorSet; file: string };

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * SHA-256 over the canonical JSON form: identifies a set in assessments and bundles. Pass the NORMALISED
 * document (validateIndicatorSet output), so a JSON file, its Excel template and a re-import hash the same.
 */
export const indicatorSetSha256 = (document: unknown): string => sha256Hex(canonicalJson(document));

export const summaryOf = (d: IndicatorSet, sha256: string): IndicatorSetSummary =>
  indicatorSetSummarySchema.parse({
    id: d.id,
    name: d.name,
    year: d.year,
    version: d.version,
    unitTypes: d.unitTypes,
    isSample: d.isSample,
    sha256,
  });

/**
 * The indicator sets shipped in resources/indicator-sets/*.json (data, never code). Read once and cached;
 * every file is validated with the full schema; a file that fails is skipped and its errors kept in
 * `problems`, so one bad file cannot hide the others.
 */
export class IndicatorSetCatalog {
  private entries: Map<string, CatalogEntry> | null = null;
  readonly problems: string[] = [];
  constructor(private readonly dir: string) {}

  private load(): Map<string, CatalogEntry> {
    if (this.entries) return this.entries;
    const map = new Map<string, CatalogEntry>();
    let files: string[] = [];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      files = [];
    }
    for (const f of files) {
      const file = join(this.dir, f);
      try {
        const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
        const v = validateIndicatorSet(raw);
        if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('; '));
        const document = v.set;
        const summary = summaryOf(document, indicatorSetSha256(document));
        map.set(summary.id, { summary, document, file });
      } catch (e) {
        this.problems.push(`${f}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.entries = map;
    return map;
  }

  list(): IndicatorSetSummary[] {
    return [...this.load().values()]
      .map((e) => e.summary)
      .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  }

  get(id: string): CatalogEntry {
    const entry = this.load().get(id);
    if (!entry) throw new AppFailure('NOT_FOUND', `Không tìm thấy bộ chỉ số "${id}"`);
    return entry;
  }
}
