import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as x509 from '@peculiar/x509';

import type { Backend } from '../../../electron/backend/backend';
import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { buildSubmission } from '../../../electron/backend/services/bundle/submission-builder';
import type { BuilderAnswer, BuilderEvidence } from '../../../electron/backend/services/bundle/submission-builder';
import { parsePortableAnswers } from '../../../electron/backend/services/indicator-sets/answers-file';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import type { UnitType } from '../../../shared/schemas/unit';
import { addUnit, openYear } from '../../../electron/backend/services/registry/register';
import { insertSigner } from '../../../electron/backend/db/repos/registry-repo';
import { ASCII_PASSWORD, AGENCY_NAME } from '../../helpers/pki';
import type { TestCert, TestPki } from '../../helpers/pki';

const EXAMPLES = join(process.cwd(), 'resources', 'examples');

export type UnitSpec = { code: string; name: string; type: UnitType };

export const SO_UNIT: UnitSpec = { code: 'STP-HP', name: AGENCY_NAME, type: 'SO' };

export type BundleSpec = {
  unit: UnitSpec;
  submissionId: string;
  revision?: number;
  supersedes?: number | null;
  /** Changes the example answers (e.g. to give one unit a lower score). */
  tweak?: (answers: BuilderAnswer[]) => BuilderAnswer[];
  /** The signing .p12 (ASCII password); default the test PKI's leaf (Nguyễn Văn An). */
  p12?: string;
  /** The declared period; default '2025'. */
  period?: string;
  /** The set to answer, when it must differ from the declared type's (default: by `unit.type`). */
  setType?: UnitType;
};

const setFor = (type: UnitType) => (type === 'SO' ? 'hp-2025-so' : 'hp-2025-xa-phuong');

/**
 * A real signed bundle as a unit's app would send it: the shipped example answers and evidence of the
 * unit's set, scored and packed by the bundle service, signed with the test PKI's leaf (.p12).
 */
export const makeBundle = async (b: Backend, pki: TestPki, out: string, spec: BundleSpec): Promise<string> => {
  const setId = setFor(spec.setType ?? spec.unit.type);
  const entry = b.ctx.catalog.get(setId);
  const file = setId === 'hp-2025-so' ? 'hp-2025-so-answers.json' : 'hp-2025-xa-phuong-answers.json';
  const read = parsePortableAnswers(readFileSync(join(EXAMPLES, file), 'utf8'));
  if (!read.ok) throw new Error(read.errors.join('\n'));
  let answers: BuilderAnswer[] = read.file.answers.map((a) => ({
    nodeId: a.nodeId,
    inputs: a.inputs,
    notApplicable: a.notApplicable,
    explanation: a.explanation,
    evidenceKeys: a.evidence,
  }));
  if (spec.tweak) answers = spec.tweak(answers);
  const names = [...new Set(answers.flatMap((a) => a.evidenceKeys))];
  const evidence: BuilderEvidence[] = names.map((n) => {
    const data = readFileSync(join(EXAMPLES, 'evidence', n));
    return { key: n, source: join(EXAMPLES, 'evidence', n), originalName: n, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  });
  const { submission, evidence: packEvidence } = buildSubmission({
    set: entry.document,
    setSha256: entry.summary.sha256,
    answers,
    evidence,
    agency: spec.unit,
    period: spec.period ?? '2025',
    submissionId: spec.submissionId,
    revision: spec.revision ?? 1,
    supersedes: spec.supersedes ?? null,
    appName: 'CCHC Tự đánh giá',
    appVersion: '0.1.0',
    now: new Date(),
  });
  const signer = await openP12Signer(readFileSync(spec.p12 ?? pki.p12.modernAscii), ASCII_PASSWORD);
  try {
    await packBundle({ out, submission, evidence: packEvidence, signer, now: new Date() });
  } finally {
    await signer.close();
  }
  return out;
};

/** SHA-256 fingerprint, subject, issuer, serial and validity of a test certificate, as the register stores them. */
export const certDetails = (c: TestCert) => {
  const x = new x509.X509Certificate(c.der);
  return {
    sha256: createHash('sha256').update(c.der).digest('hex'),
    subject: x.subject,
    issuer: x.issuer,
    serial: x.serialNumber,
    notBefore: x.notBefore.toISOString(),
    notAfter: x.notAfter.toISOString(),
  };
};

/**
 * Sở Nội vụ's register as the tests need it: the year opened, the unit listed in its block, and each given
 * certificate registered to sign for it (through the register's own service and repository).
 */
export const registerUnit = (b: Backend, unit: UnitSpec, certs: readonly TestCert[], year = 2025): void => {
  openYear(b.ctx, year);
  addUnit(b.ctx, year, { code: unit.code, name: unit.name, block: unit.type });
  for (const c of certs) {
    insertSigner(b.ctx.db, { year, unitCode: unit.code, ...certDetails(c), source: 'template', addedAt: new Date().toISOString(), addedBy: 'test' });
  }
};

/** The test root and its CRLs in <data>/trust, as the administrator would install them. */
export const trustTestPki = (dataDir: string, pki: TestPki): void => {
  mkdirSync(join(dataDir, 'trust'), { recursive: true });
  copyFileSync(pki.caFile, join(dataDir, 'trust', 'root.pem'));
  writeFileSync(join(dataDir, 'trust', 'crls.pem'), readFileSync(pki.crlFile));
};

/** Flips one byte inside the stored bytes of an example evidence file (a signed entry changed after signing). */
export const tamperEvidence = (bundle: string, out: string, evidenceName = 'ke-hoach-cchc-2025.pdf'): string => {
  const zip = readFileSync(bundle);
  const ev = readFileSync(join(EXAMPLES, 'evidence', evidenceName));
  const at = zip.indexOf(ev.subarray(0, 64));
  if (at < 0) throw new Error('evidence bytes not found stored in the bundle');
  const pos = at + Math.floor(ev.length / 2);
  zip[pos] = zip[pos]! ^ 0x01;
  writeFileSync(out, zip);
  return out;
};
