/**
 * Export benchmark: the full sample set (sở, every leaf answered, 500 evidence items) exported as the
 * self-assessment table (xlsx) and the report (PDF, Nghị định 30 layout, Tinos), against LibreOffice
 * converting a CSV of the same table (rows = nodes: code, title, max, self score, cited document numbers) to xlsx and
 * to PDF — the tool a focal point would otherwise use to produce these files.
 * Every contender is its own process timed from spawn to exit (wall clock INCLUDING Node or soffice
 * start-up and module loading), interleaved with a rotating order, one untimed warm-up each, median of
 * --runs (default 5). Ratios are against the LibreOffice baseline of the same format in the same run.
 * Peak RSS: /usr/bin/time %M. Writes the figures into docs/performance.md under "## Exports".
 * Run: npx tsx bench/exports.bench.ts [--runs 5] [--no-write]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);

const buildModel = async () => {
  const { buildReportModel } = await import('../shared/domain/report/builder');
  const { answerEveryLeaf, loadSampleSet, makeEvidenceFor } = await import('../test/backend/exports/sample-answers');
  const set = loadSampleSet('hp-2025-so');
  return buildReportModel({
    set,
    answers: answerEveryLeaf(set),
    evidence: makeEvidenceFor(set, 500),
    unit: { name: 'Sở Tư pháp thành phố Hải Phòng', code: 'STP' },
    document: {
      governingBody: 'UBND THÀNH PHỐ HẢI PHÒNG',
      issuingBody: 'Sở Tư pháp',
      number: '15',
      symbol: 'BC-STP',
      place: 'Hải Phòng',
      date: '2025-12-01',
      recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Lưu: VT'],
      signer: { authority: '', title: 'Giám đốc', name: 'Lê Thị Bình' },
    },
    year: 2025,
    revision: 1,
    generatedAt: '2025-12-01T03:00:00.000Z',
    narrative: { basis: '', strengths: 'Ưu điểm.', weaknesses: 'Hạn chế.', causes: 'Nguyên nhân.', recommendations: 'Kiến nghị.' },
  });
};
type Model = Awaited<ReturnType<typeof buildModel>>;

// ---------- child modes (each contender runs in its own process) ----------
if (args[0] === '--child') {
  const [, mode, out] = args;
  const model = await buildModel();
  if (mode === 'xlsx') {
    const { buildWorkbook } = await import('../electron/backend/services/report/xlsx/workbook');
    writeFileSync(out!, await buildWorkbook(model));
  } else if (mode === 'pdf') {
    const { buildPdf } = await import('../electron/backend/services/report/pdf/document');
    writeFileSync(out!, await buildPdf(model));
  } else if (mode === 'csv') {
    writeFileSync(out!, tableCsv(model));
  }
  process.exit(0);
}

/** The same table as the xlsx detail sheet, as CSV for the LibreOffice baseline. */
function tableCsv(model: Model): string {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const lines: string[] = ['Mã,Tiêu chí,Điểm tối đa,Điểm tự chấm,Tài liệu kiểm chứng'];
  const milli = (m: number | null): string => (m === null ? '' : (m / 1000).toFixed(3));
  const walk = (nodes: Model['domains']): void => {
    for (const n of nodes) {
      lines.push([q(n.code), q(n.title), milli(n.maxMilli), milli(n.scoreMilli), q(n.citations.map((c) => c.number).join('; '))].join(','));
      walk(n.children);
    }
  };
  walk(model.domains);
  return lines.join('\n') + '\n';
}

// ---------- parent ----------
const RUNS = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const write = !args.includes('--no-write');
const work = mkdtempSync(join(tmpdir(), 'cchc-bench-exports-'));
const loadBefore = loadavg();
const node = process.execPath;
const self = join(process.cwd(), 'bench', 'exports.bench.ts');
const tsxLoader = import.meta.resolve('tsx');
const child = (...a: string[]): string[] => [node, '--import', tsxLoader, self, '--child', ...a];
const csv = join(work, 'table.csv');
if (spawnSync(child('csv', csv)[0]!, child('csv', csv).slice(1), { cwd: process.cwd() }).status !== 0) throw new Error('csv child failed');
const rowCount = readFileSync(csv, 'utf8').trim().split('\n').length - 1;
const profile = `file://${join(work, 'lo-profile')}`;
const soffice = (to: string): string[] => ['soffice', `-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', join(work, 'lo'), csv];

type Contender = { id: string; label: string; out: string; cmd: string[] };
type Sample = { wallS: number; rssKb: number };
const groups: { format: string; baseline: Contender; ours: Contender }[] = [
  {
    format: 'xlsx',
    baseline: { id: 'lo-xlsx', label: 'baseline LibreOffice `soffice --convert-to xlsx` of the table as CSV', out: join(work, 'lo', 'table.xlsx'), cmd: soffice('xlsx') },
    ours: { id: 'xlsx', label: '**self-assessment table (xlsx, exceljs)**', out: join(work, 'x.xlsx'), cmd: child('xlsx', join(work, 'x.xlsx')) },
  },
  {
    format: 'pdf',
    baseline: { id: 'lo-pdf', label: 'baseline LibreOffice `soffice --convert-to pdf` of the table as CSV', out: join(work, 'lo', 'table.pdf'), cmd: soffice('pdf') },
    ours: { id: 'pdf', label: '**report (PDF, pdfmake, Nghị định 30 layout)**', out: join(work, 'r.pdf'), cmd: child('pdf', join(work, 'r.pdf')) },
  },
];

const runOnce = (c: Contender): Sample => {
  rmSync(c.out, { force: true });
  const fmt = join(work, 'time.txt');
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', fmt, ...c.cmd], { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 });
  const wallS = (performance.now() - t) / 1000;
  if (r.status !== 0 || !existsSync(c.out)) throw new Error(`${c.id} failed: ${r.stderr.toString().slice(0, 800)}`);
  return { wallS, rssKb: Number(readFileSync(fmt, 'utf8').trim().split(/\s+/).at(-1)) };
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const all = groups.flatMap((g) => [g.baseline, g.ours]);
const samples = new Map(all.map((c) => [c.id, [] as Sample[]]));
for (const c of all) runOnce(c); // warm-up (LibreOffice creates its profile; page cache; tsx cache)
for (let r = 0; r < RUNS; r++) {
  for (let i = 0; i < all.length; i++) {
    const c = all[(i + r) % all.length]!;
    samples.get(c.id)!.push(runOnce(c));
    process.stdout.write(`  run ${r + 1}/${RUNS} ${c.id}: ${samples.get(c.id)!.at(-1)!.wallS.toFixed(2)} s\n`);
  }
}
const loadAfter = loadavg();
const stat = (c: Contender) => {
  const s = samples.get(c.id)!;
  const w = s.map((x) => x.wallS);
  return { med: median(w), min: Math.min(...w), max: Math.max(...w), rssMib: Math.round(Math.max(...s.map((x) => x.rssKb)) / 1024), kib: Math.round(statSync(c.out).size / 1024) };
};
const tableRows: string[] = [];
const summary: string[] = [];
for (const g of groups) {
  const b = stat(g.baseline);
  const o = stat(g.ours);
  const speed = b.med / o.med;
  tableRows.push(`| ${g.baseline.label} | ${b.med.toFixed(2)} | ${b.min.toFixed(2)}–${b.max.toFixed(2)} | 1.00× | ${b.rssMib} | ${b.kib} |`);
  tableRows.push(`| ${g.ours.label} | ${o.med.toFixed(2)} | ${o.min.toFixed(2)}–${o.max.toFixed(2)} | ${speed.toFixed(2)}× | ${o.rssMib} | ${o.kib} |`);
  summary.push(`${g.format}: **${speed.toFixed(2)}×** the speed of LibreOffice`);
}
const pdfPages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [groups[1]!.ours.out], { encoding: 'utf8' }).stdout)?.[1] ?? '?';
rmSync(work, { recursive: true, force: true });
const la = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
const section = [
  '## Exports',
  '',
  `Measured by \`npx tsx bench/exports.bench.ts\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${cpus().length} CPU(s) shared with other work, ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}; load average 1/5/15 min ${la(loadBefore)} before, ${la(loadAfter)} after).`,
  `Input: sample set hp-2025-so (${rowCount} nodes), every leaf answered by the test generator, 500 evidence items.`,
  `Each contender is its own process, timed from spawn to exit (Node + tsx or soffice start-up included), ${RUNS} interleaved runs after one warm-up each; speed = baseline median ÷ median.`,
  '',
  '| Contender | Median (s) | Range (s) | Speed | Peak RSS (MiB) | Output (KiB) |',
  '|---|---:|---:|---:|---:|---:|',
  ...tableRows,
  '',
  `${summary.join('; ')}. LibreOffice only converts a flat table (no styles, no letterhead, no`,
  'evidence section); ours builds the styled three-sheet workbook and the full administrative report. The PDF time is',
  'dominated by pdfmake laying out the detail and evidence tables (text measuring with the embedded Tinos font):',
  `the report for 500 documents runs to ${pdfPages} A4 pages, because every criterion cites its documents in full (number, date,`,
  'summary or file name) and section IV lists each one. The figures before 2026-12-03 (786 ms) were in-process, without start-up,',
  'for the shorter report of the time; they are not comparable. Run to run on the shared 2-core machine (a CI run beside it),',
  'the ratios moved by up to a third (PDF 0.23× and 0.31× in two runs minutes apart on 2026-12-03): compare them loosely.',
  '',
].join('\n');
console.log(section);
if (write) {
  const doc = join(process.cwd(), 'docs', 'performance.md');
  const current = readFileSync(doc, 'utf8');
  const re = /## Exports\n[\s\S]*?(?=\n## |$)/;
  writeFileSync(doc, re.test(current) ? current.replace(re, section.trimEnd() + '\n') : `${current.trimEnd()}\n\n${section}`);
}
