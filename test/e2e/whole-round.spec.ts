import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import type { Download } from '@playwright/test';

import type { ReplyView } from '../../shared/ipc/channels/reply';
import type { PackageKind } from '../../shared/schemas/package-kind';
import { installOfficialSets } from '../backend/round/fixtures';
import { createRoundPki } from '../helpers/round-pki';
import { expect, test } from './installations';
import type { Installation } from './installations';
import { checkPackage, sound, tamperedCopy } from './package-checks';
import { SIGNER_SUBJECTS, SNV, UNITS } from './pages/round-cast';
import type { CastUnit } from './pages/round-cast';
import { value } from './pages/assessment-page';
import { SoNoiVu } from './pages/so-noi-vu';
import { UnitOffice } from './pages/unit-office';

/**
 * Issue 14's whole round through the real UI, four installations (Sở Nội vụ and one unit per block, each its own
 * backend, data folder and browser context) on one calendar: publish the round → each unit imports it,
 * self-assesses two criteria and submits → Sở Nội vụ batch-imports, enters survey results, appraises with
 * reasons, sends results → the ward answers with a giải trình and a new document → Sở Nội vụ decides (accept,
 * keep) and closes → the ward imports its final result. Every package of the run passes the app's verifier and
 * `openssl cms -verify`, and a copy of each with a changed content file is refused.
 *
 * The calendar: the harness's 10/12/2025 until the submissions (due 15/12), then 22/12/2025, inside the
 * giải trình window (20/12/2025 – 10/01/2026). The certificates (test/helpers/round-pki.ts) are valid from 2025
 * on, so the fixed calendar, the real clock and openssl all accept them.
 *
 * Seeded through the backend (each covered by its own spec): the role (roles.spec), the unit profiles, Sở Nội
 * vụ's official 2025 sets (survey.spec imports sets), and each unit's assessment filled from the shipped example
 * answers with evidence (create-assessment, criterion and evidence specs). Everything else is clicked.
 */
const SHOTS = '/tmp/wholeround';
test.use({ actionTimeout: 30_000 });
const [SO, PHUONG, XA] = UNITS as [CastUnit, CastUnit, CastUnit];
const ROUND_DAYS = { due: '15/12/2025', start: '20/12/2025', end: '10/01/2026' };
/** How the unit's tables mark a survey line (XHH/SIPAS, external index): entered by Sở Nội vụ, not self-scored. */
const SURVEY_LINE = 'Do Sở Nội vụ đo và nhập (điều tra xã hội học, SIPAS hoặc chỉ số bên ngoài); đơn vị không tự chấm.';

/** The role and the unit profile, through the same IPC contract as the UI; then the page reloads with them. */
const seed = async (inst: Installation, role: 'unit' | 'receiver', profile: object): Promise<void> => {
  await value(inst.backend, 'settings.update', { role });
  await value(inst.backend, 'unit.save', profile);
  await inst.page.reload();
};

test('a whole round: three units, one per block, from the published round to the final result', async ({ installations }) => {
  test.setTimeout(300_000);
  const pki = await createRoundPki(SIGNER_SUBJECTS);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-round-'));
  const keep = async (d: Download): Promise<string> => {
    const file = join(dir, d.suggestedFilename());
    await d.saveAs(file);
    return file;
  };
  const packages: { file: string; kind: PackageKind }[] = [];

  const snvInst = await installations.open('Sở Nội vụ');
  installOfficialSets(snvInst.backend);
  await seed(snvInst, 'receiver', SNV.profile);
  const snv = new SoNoiVu(snvInst, pki, dir);

  const round = await test.step('1. Sở Nội vụ publishes the round and downloads the signed package', async () => {
    await snv.importRegister(UNITS);
    const file = await keep(await snv.publishRound(ROUND_DAYS));
    await snv.page.screenshot({ path: `${SHOTS}/1-round.png`, fullPage: true });
    await snv.expectStates(UNITS.map((unit) => ({ unit, state: 'NOT_SUBMITTED' })));
    return file;
  });
  packages.push({ file: round, kind: 'round' });

  const offices = new Map<CastUnit['key'], UnitOffice>();
  const submissions: string[] = [];
  await test.step('2. each unit imports the round, self-assesses two criteria, submits', async () => {
    for (const u of UNITS) {
      const inst = await installations.open(u.profile.name);
      await seed(inst, 'unit', u.profile);
      const office = new UnitOffice(inst, u, pki.signers[u.key], pki.password);
      await office.importRound(round, pki);
      await office.seedAssessment();
      await office.selfAssess([
        { code: '1.2', count: '0', score: '1/1 điểm' },
        { code: '1.1.1', level: /^Chậm hoặc thiếu nội dung/, explanation: 'Kế hoạch ban hành chậm 05 ngày do chờ ý kiến Sở Nội vụ.', score: '0,5/1 điểm' },
      ]);
      submissions.push(await keep(await office.submit()));
      if (u === PHUONG) await office.page.screenshot({ path: `${SHOTS}/2-submitted-phuong.png`, fullPage: true });
      offices.set(u.key, office);
    }
  });
  for (const file of submissions) packages.push({ file, kind: 'submission' });
  const ward = offices.get('phuong')!;

  const results: string[] = [];
  await test.step('3. Sở Nội vụ batch-imports, enters survey results, appraises with reasons, sends the results', async () => {
    await snv.batchImport(submissions, UNITS);
    await snv.expectStates(UNITS.map((unit) => ({ unit, state: 'SUBMITTED' })));
    // Survey points come from Sở Nội vụ only (the units' declared 91,25 % is not used): before the entry the
    // totals lack them, after it they hold them — the sở 51,238 + 85,5 % of 3 (2,565) = 53,803; the ward
    // 48,651 + 80 % of 3 (2,4) = 51,051; the đặc khu, same answers as the ward, 48,651 + 90 % of 3 (2,7) = 51,351.
    // The index is over the applicable maximum (95,5 for the sở set, 96,5 for the ward set with these answers):
    // 51,238 / 95,5 = 53,65 %, 48,651 / 96,5 = 50,42 %, 51,051 / 96,5 = 52,90 %, 51,351 / 96,5 = 53,21 %.
    for (const [u, code, percent, points, before, after] of [
      [SO, '1.7', '85,5', '2,565', '51,238 · 53,65 %', '53,803 · 56,34 %'],
      [PHUONG, '1.6', '80', '2,4', '48,651 · 50,42 %', '51,051 · 52,90 %'],
      [XA, '1.6', '90', '2,7', '48,651 · 50,42 %', '51,351 · 53,21 %'],
    ] as const) {
      await snv.openSubmission(u);
      await snv.expectTotals(before, before);
      await snv.enterSurvey(u, code, percent, points);
      await snv.expectTotals(after, after);
    }
    // The ward's appraisal: 1.2 (self 1) → 0,75 and 1.1.1 (self 0,5) → 0, each refused first without its reason:
    // 51,051 − 0,25 − 0,5 = 50,301 over the applicable 96,5 points = 52,13 %.
    await snv.openSubmission(PHUONG);
    await snv.appraise('1.2', '0,75', 'Báo cáo quý III gửi chậm 02 ngày (Công văn 45/UBND).');
    await snv.appraise('1.1.1', '0', 'Không có quyết định ban hành kế hoạch trong hồ sơ.');
    await snv.expectTotals('51,051 · 52,90 %', '50,301 · 52,13 %');
    await snv.page.screenshot({ path: `${SHOTS}/3-appraisal-phuong.png` });
    // A criterion's evidence by the unit's own file name (the package path second), opened from the row.
    const evidence = snv.page.getByTestId('node-row-1.1.1').getByTestId('node-evidence');
    await expect(evidence).toHaveText('Tài liệu:ke-hoach-cchc-2025.pdf (evidence/0007.pdf)');
    await evidence.getByRole('button', { name: 'Xem ke-hoach-cchc-2025.pdf' }).click();
    await expect(snv.page.getByRole('dialog', { name: 'Xem trước: ke-hoach-cchc-2025.pdf' }).getByTestId('inbox-preview')).toBeVisible();
    await snv.page.keyboard.press('Escape');
    await snv.expectStates(UNITS.map((unit) => ({ unit, state: 'APPRAISING' })));
    for (const [u, line] of [
      [SO, 'Tự chấm 53,803 · sau thẩm định 53,803 · xếp hạng tạm thời 1/1 · 0 tiêu chí đổi điểm'],
      [PHUONG, 'Tự chấm 51,051 · sau thẩm định 50,301 · xếp hạng tạm thời 1/1 · 2 tiêu chí đổi điểm'],
      [XA, 'Tự chấm 51,351 · sau thẩm định 51,351 · xếp hạng tạm thời 1/1 · 0 tiêu chí đổi điểm'],
    ] as const) {
      await snv.openSubmission(u);
      await expect(snv.page.getByTestId('result-panel')).toContainText(line);
      await expect(snv.page.getByTestId('result-panel')).toContainText('Thời hạn giải trình: từ 20/12/2025 đến 10/01/2026.');
      results.push(await keep(await snv.sendResult(u)));
    }
    await snv.expectStates(UNITS.map((unit) => ({ unit, state: 'RESULT_SENT' })));
    await snv.page.screenshot({ path: `${SHOTS}/3-dashboard.png` });
  });
  for (const file of results) packages.push({ file, kind: 'appraisal-result' });

  // Twelve days later: the giải trình window (20/12/2025 – 10/01/2026) is open.
  installations.clock.set(new Date('2025-12-22T09:00:00+07:00'));

  const explanation = await test.step('4. the ward imports its result, answers with a giải trình and a new document', async () => {
    await ward.importResult(results[1]!);
    const rows = ward.page.getByTestId('reply-row');
    // Differences first, each with its reason.
    await expect(rows.nth(0)).toHaveText(['1.1.1', 'Ban hành KH CCHC 2025 (sau sắp xếp, đúng hạn TP yêu cầu)', '0,5', '0', '−0,5', 'Không có quyết định ban hành kế hoạch trong hồ sơ.'].join(''));
    await expect(rows.nth(1)).toHaveText(['1.2', 'Báo cáo CCHC định kỳ đủ, đúng hạn', '1', '0,75', '−0,25', 'Báo cáo quý III gửi chậm 02 ngày (Công văn 45/UBND).'].join(''));
    await expect(ward.page.getByTestId('reply-totals')).toHaveText('Tổng điểm: tự chấm 51,051, thẩm định 50,301');
    // Sở Nội vụ's "self" column is, line by line, what the ward's own export scored (its record of that bundle):
    // compared, and nothing differs, so no warning.
    const views = await value<{ results: ReplyView[] }>(ward.inst.backend, 'reply.list', {});
    expect(views.results.map((v) => v.submission.selfDiffers)).toEqual([[]]);
    await expect(ward.page.getByTestId('reply-self-differs')).toHaveCount(0);
    // Sở Nội vụ's survey points are rows of their own (not self-scored; the nine not entered say so: eight survey
    // criteria and 8.1, the external index the result package lists with them), and the
    // parts add up to the totals: criteria 46,651 (48,651 without the bonus of 2) + survey 2,4 + bonus 2 − 0 = 51,051;
    // appraised 46,651 − 0,75 = 45,901, + 2,4 + 2 = 50,301.
    const survey = ward.page.getByTestId('reply-survey-row');
    await expect(survey).toHaveCount(10);
    await expect(survey.nth(0).locator('td')).toHaveText(['1.6', 'Đánh giá về chỉ đạo, điều hành CCHC', '—', '2,4', '—', SURVEY_LINE]);
    await expect(survey.nth(1).locator('td')).toHaveText(['2.4', 'Đánh giá về thực thi pháp luật', '—', 'chưa có điểm', '—', SURVEY_LINE]);
    await expect(ward.page.getByTestId('reply-breakdown').locator('tbody tr')).toHaveText([
      'Điểm các tiêu chí (trừ điểm thưởng, điểm trừ)46,65145,901',
      'Điểm điều tra xã hội học (do Sở Nội vụ nhập)2,42,4',
      'Điểm thưởng22',
      'Điểm trừ00',
      'Tổng điểm51,05150,301',
    ]);
    await expect(ward.page.getByTestId('reply-rank')).toHaveText('Xếp hạng tạm thời trong khối: 1/1');
    await expect(ward.page.getByTestId('reply-window')).toHaveText('Thời hạn giải trình: 20/12/2025 – 10/01/2026, còn 20 ngày.');
    await ward.page.screenshot({ path: `${SHOTS}/4-result-phuong.png` });
    await ward.explain('1.2', 'Báo cáo quý III gửi đúng hạn ngày 10/10/2025, xem sổ công văn đi kèm theo.', '1', { name: 'So cong van di quy III.pdf', buffer: Buffer.from('%PDF-1.4\n% sổ công văn đi\n') });
    await ward.explain('1.1.1', 'Quyết định ban hành kế hoạch đã có trong hồ sơ nộp.', '0,5');
    const file = await keep(await ward.exportExplanation());
    await ward.page.screenshot({ path: `${SHOTS}/4-explanation-phuong.png`, fullPage: true });
    return file;
  });
  packages.push({ file: explanation, kind: 'explanation' });

  const finals = await test.step('5. Sở Nội vụ imports the giải trình, decides, closes the round, exports the final results', async () => {
    await snv.importExplanations([explanation], [`đã nhập giải trình lần 1 của ${PHUONG.profile.name} (2 tiêu chí, 1 tài liệu mới)`]);
    await snv.expectStates([
      { unit: SO, state: 'RESULT_SENT' },
      { unit: PHUONG, state: 'EXPLANATION_RECEIVED' },
      { unit: XA, state: 'RESULT_SENT' },
    ]);
    await snv.nav('Giải trình, kết quả');
    await expect(snv.page.getByTestId(`decisions-unit-${PHUONG.profile.code}`)).toContainText('Chờ quyết định (0/2)');
    await snv.page.getByRole('link', { name: PHUONG.profile.name }).click();
    // The day received as dd/mm/yyyy, the signer by name then organisation (the DN only under its details).
    await expect(snv.page.getByTestId('decision-meta')).toHaveText('Lần 1, nhận ngày 22/12/2025; người ký: Trần Thị Bình — UBND phường Hồng Bàng');
    await snv.accept('xa25-1.2', '1');
    await snv.keep('xa25-1.1.1', 'Tài liệu không đủ chứng minh', 'Hồ sơ không có quyết định ban hành kế hoạch.');
    // 50,301 + 0,25 (1.2 accepted at 1) = 50,551 over 96,5 = 52,38 %.
    await expect(snv.page.getByTestId('decision-totals')).toHaveText('Tổng điểm: tự đánh giá 51,051; thẩm định 50,301; sau quyết định 50,551 (chỉ số 52,38 %)');
    await snv.page.screenshot({ path: `${SHOTS}/5-decisions-phuong.png`, fullPage: true });
    await snv.page.getByRole('link', { name: '← Giải trình và kết quả cuối cùng' }).click();
    const zip = await keep(await snv.closeAndExportFinals());
    expect(basename(zip)).toBe('KetQuaCuoiCung_TatCa_2025.zip');
    // Block, state, appraised, final, index, classification, rank (one unit per block: each first).
    for (const [u, cells] of [
      [SO, ['Sở, ban, ngành', 'Không giải trình', '53,803', '53,803', '56,34', 'Yếu', '1']],
      [PHUONG, ['Phường', 'Đã quyết định', '50,301', '50,551', '52,38', 'Yếu', '1']],
      [XA, ['Xã, đặc khu', 'Không giải trình', '51,351', '51,351', '53,21', 'Yếu', '1']],
    ] as const) {
      await expect(snv.page.getByTestId(`decisions-unit-${u.profile.code}`).locator('td')).toHaveText([...cells]);
    }
    await snv.page.screenshot({ path: `${SHOTS}/5-closed.png`, fullPage: true });
    await snv.expectStates(UNITS.map((unit) => ({ unit, state: 'CLOSED' })));
    const out = join(dir, 'finals');
    execFileSync('unzip', ['-q', zip, '-d', out]);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['P-HONGBANG_KetQuaCuoiCung_2025_r1.asice', 'STP-HP_KetQuaCuoiCung_2025_r1.asice', 'X-CATHAI_KetQuaCuoiCung_2025_r1.asice']);
    return files.map((f) => join(out, f));
  });
  for (const file of finals) packages.push({ file, kind: 'final-result' });

  await test.step('6. the ward imports its final result and sees it (a tampered copy refused first)', async () => {
    await ward.refuseFinal(tamperedCopy(finals[0]!, 'final-result'));
    await ward.importFinal(finals[0]!);
    await expect(ward.page.getByTestId('final-totals')).toHaveText('Tổng điểm cuối cùng: 50,551; xếp loại: Yếu');
    await expect(ward.page.getByTestId('final-rank')).toHaveText('Xếp hạng chính thức trong khối: 1/1');
    const row = (code: string) => ward.page.getByTestId('final-row').filter({ has: ward.page.locator('td', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });
    // Code, title, self, appraised, final, decision (with Sở Nội vụ's reason for keeping).
    await expect(row('1.1.1').locator('td')).toHaveText(['1.1.1', 'Ban hành KH CCHC 2025 (sau sắp xếp, đúng hạn TP yêu cầu)', '0,5', '0', '0', 'Giữ nguyênHồ sơ không có quyết định ban hành kế hoạch.']);
    await expect(row('1.2').locator('td')).toHaveText(['1.2', 'Báo cáo CCHC định kỳ đủ, đúng hạn', '1', '0,75', '1', 'Chấp nhận giải trình']);
    // The survey line in the final table too; the parts add up to the three totals (final: 46,651 − 0,5 = 46,151).
    await expect(ward.page.getByTestId('final-survey-row').nth(0).locator('td')).toHaveText(['1.6', 'Đánh giá về chỉ đạo, điều hành CCHC', '—', '2,4', '2,4', SURVEY_LINE]);
    await expect(ward.page.getByTestId('final-breakdown').locator('tbody tr')).toHaveText([
      'Điểm các tiêu chí (trừ điểm thưởng, điểm trừ)46,65145,90146,151',
      'Điểm điều tra xã hội học (do Sở Nội vụ nhập)2,42,42,4',
      'Điểm thưởng222',
      'Điểm trừ000',
      'Tổng điểm51,05150,30150,551',
    ]);
    await ward.page.getByTestId('reply-final').screenshot({ path: `${SHOTS}/6-final-phuong.png` });
  });

  await test.step('every package verifies (app and openssl); a changed copy of each is refused', async () => {
    const kinds = (k: PackageKind, n: number) => Array<PackageKind>(n).fill(k);
    expect(packages.map((p) => p.kind)).toEqual(['round', ...kinds('submission', 3), ...kinds('appraisal-result', 3), 'explanation', ...kinds('final-result', 3)]);
    const o = { trustDir: join(snvInst.dataDir, 'trust'), caFile: pki.caFile, now: installations.clock.now() };
    for (const p of packages) expect({ file: p.file, ...(await checkPackage(p.file, p.kind, o)) }).toEqual({ file: p.file, ...sound(p.kind) });
  });
  rmSync(dir, { recursive: true, force: true });
});
