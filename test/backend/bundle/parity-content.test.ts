import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { cleanDisplayText, displayTextIssue, escapeForDisplay } from '../../../shared/domain/display-text';
import type { Submission } from '../../../shared/schemas/submission';
import { MAX_JSON_DEPTH } from '../../../electron/backend/services/bundle/verify/content-json';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import type { VerifyResult } from '../../../shared/schemas/submission';
import { createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { bundleEntries, dataParts, signParts, testSigner } from './craft';
import { writeRawZip } from './raw-zip';
import { knownSets, sampleInput } from './sample';

/**
 * submission.json parity (issue 13): a BOM, a 100 000-deep value and every displayed string that breaks the
 * NFC / no-control / no-bidi rule (shared/domain/display-text.ts) or the unit-code format are refused as
 * E_SUBMISSION_SCHEMA naming the field, in a validly signed bundle. Before, a BOM was VALID (and the import
 * then died INTERNAL) and the deep value gave E_IO "Maximum call stack size exceeded".
 */

let pki: TestPki;
let work: string;
let submission: Submission;
let evidence: { path: string; data: Buffer }[];

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(join(tmpdir(), 'cchc-parity-content-'));
  const s = sampleInput(join(work, 'src'), { submissionId: '0190a1b2-0000-7000-8000-0000000000d1' });
  submission = s.submission;
  evidence = s.evidence.map((e) => ({ path: e.path, data: readFileSync(e.source) }));
}, 60_000);

let n = 0;
/** A validly signed bundle whose submission.json is exactly `json` (not re-serialised: NFD, escapes and BOM survive). */
const verifyJson = async (json: Buffer): Promise<VerifyResult> => {
  const parts = dataParts(submission, evidence).map((p) => (p.name === 'submission.json' ? { ...p, data: json } : p));
  const signed = await signParts(parts, { signer: testSigner(pki.leaf, [pki.intermediate]) });
  const file = join(work, `content-${String(n++).padStart(2, '0')}.asice`);
  writeFileSync(file, writeRawZip(bundleEntries(parts, signed)));
  return verifyBundle(file, { trust: loadTrustStore(pki.caFile), lookupIndicatorSet: knownSets });
};
const verifySubmission = (s: unknown): Promise<VerifyResult> => verifyJson(Buffer.from(JSON.stringify(s), 'utf8'));
const withEvidenceName = (name: string): Submission => ({ ...submission, evidence: submission.evidence.map((e, i) => (i === 0 ? { ...e, originalName: name } : e)) });
const withNote = (note: string): Submission => ({ ...submission, answers: submission.answers.map((a, i) => (i === 0 ? { ...a, note } : a)) });
const withValue = (value: unknown): Submission => ({ ...submission, answers: submission.answers.map((a, i) => (i === 0 ? { ...a, value } : a)) }) as Submission;
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** submission.json with answers[0].value replaced by raw JSON text. */
const withRawValue = (raw: string): Buffer => {
  const text = JSON.stringify(withValue('@@VALUE@@'));
  return Buffer.from(text.replace('"@@VALUE@@"', raw), 'utf8');
};

const refused = (r: VerifyResult, detail: RegExp): void => {
  expect(`${r.code} ${r.detail ?? ''}`).toMatch(new RegExp(`^E_SUBMISSION_SCHEMA ${detail.source}`));
  expect(r.status).toBe('INVALID');
  expect(r.submission).toBeNull();
};

describe('submission.json: BOM and nesting are schema errors, never E_IO', () => {
  it('the same JSON without a BOM is VALID (control)', async () => {
    const r = await verifySubmission(submission);
    expect(r.status).toBe('VALID_WITH_WARNINGS');
    expect(r.code).toBe('W_REVOCATION_UNKNOWN');
  });

  it('UTF-8 BOM before submission.json → E_SUBMISSION_SCHEMA', async () => {
    refused(await verifyJson(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(submission))])), /byte-order mark/);
  });

  it('a 100 000-deep answer value → E_SUBMISSION_SCHEMA, not E_IO "Maximum call stack size exceeded"', async () => {
    refused(await verifyJson(withRawValue(nested(100_000))), /nesting deeper than 64 levels/);
  });

  it(`nesting: ${MAX_JSON_DEPTH} levels in total pass, one more is refused (brackets inside strings do not count)`, async () => {
    // answers[0].value starts at depth 3 (document, answers array, answer object).
    const ok = await verifyJson(withRawValue(`[${nested(MAX_JSON_DEPTH - 4)},"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"["]`));
    expect(`${ok.code} ${ok.detail ?? ''}`).toBe('W_REVOCATION_UNKNOWN ');
    refused(await verifyJson(withRawValue(`[${nested(MAX_JSON_DEPTH - 3)}]`)), /nesting deeper than 64 levels/);
  });
});

describe('submission.json: every displayed string follows the display rule, unit codes their format', () => {
  const cases: { name: string; build: () => Buffer; detail: RegExp }[] = [
    { name: 'RLO in an original file name (the "gpj.exe" trick)', build: () => Buffer.from(JSON.stringify(withEvidenceName('Báo cáo\u202Egpj.exe'))), detail: /evidence\.0\.originalName: text contains a bidirectional/ },
    { name: 'NFD unit name', build: () => Buffer.from(JSON.stringify({ ...submission, agency: { ...submission.agency, name: submission.agency.name.normalize('NFD') } })), detail: /agency\.name: text is not in Unicode NFC/ },
    { name: 'BEL control character in the unit name', build: () => Buffer.from(JSON.stringify({ ...submission, agency: { ...submission.agency, name: 'Sở\u0007 Tư pháp' } })), detail: /agency\.name: text contains a control character/ },
    { name: 'line break in the unit name (single line)', build: () => Buffer.from(JSON.stringify({ ...submission, agency: { ...submission.agency, name: 'Sở Tư pháp\nUBND' } })), detail: /agency\.name: text contains a control character/ },
    { name: 'unit code outside its format', build: () => Buffer.from(JSON.stringify({ ...submission, agency: { ...submission.agency, code: 'STP HP' } })), detail: /agency\.code: / },
    { name: 'unknown unit type', build: () => Buffer.from(JSON.stringify({ ...submission, agency: { ...submission.agency, type: 'ABC' } })), detail: /agency\.type: / },
    { name: 'LRI in a note', build: () => Buffer.from(JSON.stringify(withNote('Đã ban hành \u2066kế hoạch'))), detail: /answers\.0\.note: text contains a bidirectional/ },
    { name: 'NUL (escaped) in a note', build: () => Buffer.from(JSON.stringify(withNote('a\u0000b'))), detail: /answers\.0\.note: text contains a control character/ },
    { name: 'C1 control in a score explanation', build: () => Buffer.from(JSON.stringify({ ...submission, answers: submission.answers.map((a, i) => (i === 0 ? { ...a, score: { ...a.score!, explanation: 'Đạt\u0085' } } : a)) })), detail: /answers\.0\.score\.explanation: text contains a control/ },
    { name: 'bidi mark inside an answer value', build: () => Buffer.from(JSON.stringify(withValue({ inputs: { levelId: 'dung\u200Fhan' } }))), detail: /answers\.0\.value\.inputs\.levelId: text contains a bidirectional/ },
    { name: 'control character in an evidence metadata key', build: () => Buffer.from(JSON.stringify({ ...submission, evidence: submission.evidence.map((e, i) => (i === 0 ? { ...e, metadata: { 'số\u001b[31m': 'x' } } : e)) })), detail: /evidence\.0\.metadata\.số\\u\{001b\}\[31m: Invalid key in record/ },
    { name: 'lone surrogate in an original file name', build: () => Buffer.from(JSON.stringify(withEvidenceName('tài liệu\ud800.pdf'))), detail: /evidence\.0\.originalName: text contains a lone surrogate/ },
    { name: 'createdAt that is not a timestamp', build: () => Buffer.from(JSON.stringify({ ...submission, createdAt: 'hôm qua' })), detail: /createdAt: / },
  ];
  for (const c of cases) {
    it(`${c.name} → E_SUBMISSION_SCHEMA`, async () => {
      refused(await verifyJson(c.build()), c.detail);
    }, 30_000);
  }

  it('TAB and LF in notes are fine (multi-line text)', async () => {
    const r = await verifySubmission(withNote('Dòng 1\nDòng 2\tcột'));
    expect(`${r.code} ${r.detail ?? ''}`).toBe('W_REVOCATION_UNKNOWN ');
  });

  it('verification wrote nothing next to the crafted files', () => {
    expect(readdirSync(work).filter((f) => !f.endsWith('.asice')).sort()).toEqual(['src']);
  });
});

describe('the display rule itself (shared/domain/display-text.ts)', () => {
  it('names the problem, or null', () => {
    expect(displayTextIssue('Sở Tư pháp')).toBeNull();
    expect(displayTextIssue('a\nb')).toBe('contains a control character');
    expect(displayTextIssue('a\nb\tc', true)).toBeNull();
    expect(displayTextIssue('a\rb', true)).toBe('contains a control character');
    expect(displayTextIssue('x\u061Cy')).toBe('contains a bidirectional formatting character');
    expect(displayTextIssue('Sở'.normalize('NFD'))).toBe('is not in Unicode NFC');
    expect(displayTextIssue('\udc00')).toBe('contains a lone surrogate');
    expect(displayTextIssue('😀')).toBeNull();
  });

  it('the exporter cleans: NFC, CR LF → LF, controls and bidi removed; the result passes the rule', () => {
    const dirty = 'Kế hoạch\r\nsố 12\u202E\u0007 '.normalize('NFD');
    const clean = cleanDisplayText(dirty, true);
    expect(clean).toBe('Kế hoạch\nsố 12 ');
    expect(displayTextIssue(clean, true)).toBeNull();
    expect(cleanDisplayText('Sở\r\nTư\tpháp\u2066')).toBe('Sở Tư pháp');
  });

  it('unverified text is escaped, visibly', () => {
    expect(escapeForDisplay('evidence/0009\u202Efdp.exe')).toBe('evidence/0009\\u{202e}fdp.exe');
    expect(escapeForDisplay('\u001b[31mđỏ')).toBe('\\u{001b}[31mđỏ');
  });

  it('error details quoting a hostile entry name are escaped in the verification result', async () => {
    const parts = dataParts(submission, evidence);
    const signed = await signParts(parts, { signer: testSigner(pki.leaf, [pki.intermediate]) });
    const file = join(work, 'hostile-name.asice');
    writeFileSync(file, writeRawZip([...bundleEntries(parts, signed), { name: 'evidence/0009\u202Efdp.exe', data: Buffer.from('x') }]));
    const r = await verifyBundle(file, { trust: loadTrustStore(pki.caFile) });
    expect(r.code).toBe('E_UNEXPECTED_ENTRY');
    expect(r.detail).toBe('evidence/0009\\u{202e}fdp.exe');
  });
});
