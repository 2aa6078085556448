#!/usr/bin/env node
// Electron security gate (issue 8 §1). Runs @doyensec/electronegativity over the main-process source and
// FAILS (exit 1) on any finding of MEDIUM severity or higher that is not a reviewed exception in
// scripts/electronegativity-allowlist.json. The tool itself always exits 0, so we use its JS API.
//
// Electronegativity cannot see options built by a function (`secureWebPreferences(...) as const`), so the
// gate adds a literal check of its own: a webPreferences flag set to its insecure value anywhere in the
// scanned source (nodeIntegration set to true, for example) is a HIGH finding. The frozen-object unit test
// (test/unit/shell/electron-shell.test.ts "window options") remains the primary guard for E1.
//
// Usage: node scripts/electronegativity-gate.mjs [--input <dir>] [--allowlist <file>] [--report <file>]
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};

const root = process.cwd();
const input = resolve(arg('input', 'electron'));
const allowlistFile = resolve(arg('allowlist', 'scripts/electronegativity-allowlist.json'));
const reportFile = arg('report', '');
// Needs the network (fetches Electron's release list): excluded, Electron is pinned in package.json instead.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const MEDIUM = 2;

const electronVersion = (() => {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '') || undefined;
  } catch {
    return undefined;
  }
})();

const displayPath = (file) => {
  if (file === 'N/A') return file;
  const abs = resolve(input, file);
  const rel = relative(root, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
};

const sourceLine = (file, line) => {
  try {
    return readFileSync(resolve(root, file), 'utf8').split(/\r?\n/)[line - 1] ?? '';
  } catch {
    return '';
  }
};

// ---- the supplemental literal check --------------------------------------------------------------------
const INSECURE_LITERALS = [
  [/\bnodeIntegration(InWorker|InSubFrames)?\s*:\s*true\b/, 'nodeIntegration enabled'],
  [/\bcontextIsolation\s*:\s*false\b/, 'contextIsolation disabled'],
  [/\bsandbox\s*:\s*false\b/, 'sandbox disabled'],
  [/\bwebSecurity\s*:\s*false\b/, 'webSecurity disabled'],
  [/\ballowRunningInsecureContent\s*:\s*true\b/, 'insecure content allowed'],
  [/\bexperimentalFeatures\s*:\s*true\b/, 'experimental features enabled'],
  [/\bwebviewTag\s*:\s*true\b/, '<webview> enabled'],
  [/\benableBlinkFeatures\s*:/, 'Blink features enabled'],
  [/\benableRemoteModule\s*:\s*true\b/, 'remote module enabled'],
];

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : walk(p);
    return /\.(c|m)?[jt]sx?$/.test(d.name) ? [p] : [];
  });

const literalFindings = () => {
  const files = statSync(input).isDirectory() ? walk(input) : [input];
  const found = [];
  for (const f of files) {
    const lines = readFileSync(f, 'utf8').split(/\r?\n/);
    lines.forEach((text, i) => {
      const code = text.replace(/\/\/.*$/, '');
      for (const [re, what] of INSECURE_LITERALS) {
        if (re.test(code)) {
          found.push({ id: 'GATE_INSECURE_WEBPREFERENCE', severity: 'HIGH', severityValue: 3, confidence: 'FIRM', file: displayPath(relative(input, f) || f), line: i + 1, description: what });
        }
      }
    });
  }
  return found;
};

// ---- allowlist --------------------------------------------------------------------------------------
const loadAllowlist = () => {
  const raw = JSON.parse(readFileSync(allowlistFile, 'utf8'));
  const entries = Array.isArray(raw) ? raw : raw.exceptions;
  for (const e of entries) {
    if (!e.id || !e.file || !e.reason || !e.guardedBy) {
      throw new Error(`allowlist entry without id/file/reason/guardedBy: ${JSON.stringify(e)}`);
    }
  }
  return entries.map((e) => ({ ...e, used: 0 }));
};

const isAllowed = (allow, f) => {
  const hit = allow.find(
    (e) =>
      e.id === f.id &&
      e.file === f.file &&
      (!e.lineMatches || new RegExp(e.lineMatches).test(sourceLine(f.file, f.line))),
  );
  if (hit) hit.used++;
  return Boolean(hit);
};

// ---- run ---------------------------------------------------------------------------------------------
const main = async () => {
  const t0 = Date.now();
  const run = require('@doyensec/electronegativity');
  // The tool logs a translation-fetch notice through console.log; keep the gate's output to the point.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run({
      input,
      isRelative: true,
      excludeFromScan: EXCLUDED_CHECKS,
      ...(electronVersion ? { electronVersionOverride: electronVersion } : {}),
    });
  } finally {
    console.log = log;
  }
  const fatalParse = result.errors.filter((e) => !e.tolerable);
  const findings = [
    ...result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      severityValue: i.severity.value,
      confidence: i.confidence.name,
      manualReview: Boolean(i.manualReview),
      file: displayPath(i.file),
      line: i.location?.line ?? 0,
      description: i.description,
    })),
    ...literalFindings(),
  ];
  const allow = loadAllowlist();
  // manualReview findings (e.g. openExternal) count too: each needs a reviewed exception.
  const blocking = findings.filter((f) => f.severityValue >= MEDIUM && !isAllowed(allow, f));
  const accepted = findings.filter((f) => f.severityValue >= MEDIUM && !blocking.includes(f));

  for (const e of fatalParse) console.error(`PARSE ERROR ${displayPath(e.file)}: ${e.message}`);
  for (const f of blocking) console.error(`✗ ${f.id} ${f.severity}/${f.confidence} ${f.file}:${f.line} ${f.description ?? ''}`);
  for (const f of accepted) console.log(`  reviewed exception: ${f.id} ${f.file}:${f.line}`);
  for (const e of allow.filter((x) => x.used === 0)) console.log(`  (stale allowlist entry, no longer found: ${e.id} ${e.file})`);
  if (reportFile) {
    mkdirSync(dirname(resolve(reportFile)), { recursive: true });
    writeFileSync(reportFile, JSON.stringify({ input: displayPath(input), electronVersion, findings, blocking }, null, 2));
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const checks = result.globalChecks + result.atomicChecks;
  if (blocking.length > 0 || fatalParse.length > 0) {
    console.error(`electronegativity gate: FAILED — ${blocking.length} finding(s) of MEDIUM+ without a reviewed exception, ${fatalParse.length} parse error(s) (${checks} checks, ${secs} s)`);
    process.exit(1);
  }
  console.log(`electronegativity gate: ok — ${checks} checks, ${findings.length} finding(s), ${accepted.length} reviewed exception(s), Electron ${electronVersion ?? '?'} (${secs} s)`);
};

main().catch((e) => {
  console.error(`electronegativity gate: error — ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
