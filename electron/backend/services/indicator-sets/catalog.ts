import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { IndicatorSetSummary } from '../../../../shared/schemas/indicator-set-summary';
import { indicatorSetSummarySchema } from '../../../../shared/schemas/indicator-set-summary';
import { validateIndicatorSet } from '../../../../shared/schemas/indicator-set-validate';

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

/** Where a set comes from: shipped in resources/ or imported by the user into dataDir/indicator-sets/. */
export type SetOrigin = 'shipped' | 'user';

/** `document` is the validated, normalised set (defaults filled); `sha256` in the summary is over it. */
export type CatalogEntry = { summary: IndicatorSetSummary; document: IndicatorSet; file: string; origin: SetOrigin };

/** Versions compare as text with numbers inside compared numerically ("2025.10" > "2025.9"). */
export const compareVersions = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * The indicator sets shipped in resources/indicator-sets/*.json (data, never code) and those the user
 * imported (dataDir/indicator-sets/*.json). Read once and cached (reload() after an import); every file is
 * validated with the full schema; a file that fails is skipped and its errors kept in `problems`, so one bad
 * file cannot hide the others. Several versions of one set id may exist: get(id) and list() serve the
 * highest version (an official set replaces the sample by carrying the same id and a higher version;
 * exporting a bundle then asks the unit to move to it, see export-assessment.ts). A user file with the same
 * id + version as a shipped one is ignored (and refused at import).
 */
export class IndicatorSetCatalog {
  private entries: CatalogEntry[] | null = null;
  private effective: Map<string, CatalogEntry> = new Map();
  problems: string[] = [];
  constructor(
    private readonly dir: string,
    /** Folder of user-imported sets (null: shipped sets only). */
    readonly userDir: string | null = null,
  ) {}

  private readDir(dir: string, origin: SetOrigin, out: CatalogEntry[]): void {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      files = [];
    }
    for (const f of files) {
      const file = join(dir, f);
      try {
        const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
        const v = validateIndicatorSet(raw);
        if (!v.ok) throw new Error(v.errors.map((e) => e.message).join('; '));
        const document = v.set;
        const summary = summaryOf(document, indicatorSetSha256(document));
        const clash = out.find((e) => e.summary.id === summary.id && e.summary.version === summary.version);
        if (clash) throw new Error(`trùng mã và phiên bản với bộ chỉ số "${clash.summary.id}" ${clash.summary.version} đã có`);
        out.push({ summary, document, file, origin });
      } catch (e) {
        this.problems.push(`${f}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  private load(): CatalogEntry[] {
    if (this.entries) return this.entries;
    const all: CatalogEntry[] = [];
    this.readDir(this.dir, 'shipped', all);
    if (this.userDir) this.readDir(this.userDir, 'user', all);
    const effective = new Map<string, CatalogEntry>();
    for (const e of all) {
      const cur = effective.get(e.summary.id);
      if (!cur || compareVersions(e.summary.version, cur.summary.version) > 0) effective.set(e.summary.id, e);
    }
    this.entries = all;
    this.effective = effective;
    return all;
  }

  /** Forget the cache (after an import); the next call re-reads both folders. */
  reload(): void {
    this.entries = null;
    this.problems = [];
  }

  /** The set each id resolves to (its highest version), newest year first. */
  list(): IndicatorSetSummary[] {
    this.load();
    return [...this.effective.values()]
      .map((e) => e.summary)
      .sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'vi'));
  }

  /** Every version of every set, shipped and imported (for the sets page). */
  listAll(): CatalogEntry[] {
    return [...this.load()].sort(
      (a, b) =>
        b.summary.year - a.summary.year ||
        a.summary.id.localeCompare(b.summary.id) ||
        compareVersions(b.summary.version, a.summary.version),
    );
  }

  isActive(entry: CatalogEntry): boolean {
    this.load();
    return this.effective.get(entry.summary.id) === entry;
  }

  get(id: string): CatalogEntry {
    this.load();
    const entry = this.effective.get(id);
    if (!entry) throw AppFailure.of('SET_NOT_FOUND', { id });
    return entry;
  }

  /** One exact version (null version: the highest). */
  getVersion(id: string, version: string | null): CatalogEntry {
    if (version === null) return this.get(id);
    const entry = this.load().find((e) => e.summary.id === id && e.summary.version === version);
    if (!entry) throw AppFailure.of('SET_VERSION_NOT_FOUND', { id, version });
    return entry;
  }
}
