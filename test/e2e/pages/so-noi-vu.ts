import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { expect } from '@playwright/test';
import type { Download, Page } from '@playwright/test';

import { UNIT_ROUND_STATES } from '../../../shared/domain/round-state';
import type { UnitRoundState } from '../../../shared/domain/round-state';
import { certDetails } from '../../backend/inbox/make-bundle';
import { blockName } from '../../../shared/domain/blocks';
import type { RoundPki } from '../../helpers/round-pki';
import { seriousA11y } from '../helpers';
import type { Installation } from '../installations';
import { addTrust, signAndDownload } from './key-step';
import type { CastUnit } from './round-cast';

type Pki = RoundPki<'snv' | CastUnit['key']>;
const NAV = 'Chức năng chung';
const STATE_WORDS: Record<UnitRoundState, string> = {
  NOT_SUBMITTED: 'Chưa nộp',
  SUBMITTED: 'Đã nộp',
  APPRAISING: 'Đang thẩm định',
  RESULT_SENT: 'Đã gửi kết quả',
  EXPLANATION_RECEIVED: 'Có giải trình',
  CLOSED: 'Đã chốt',
};

/** Sở Nội vụ's installation, step by step through its pages (Vietnamese UI). */
export class SoNoiVu {
  readonly page: Page;
  constructor(
    readonly inst: Installation,
    readonly pki: Pki,
    readonly dir: string,
  ) {
    this.page = inst.page;
  }

  async nav(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: NAV }).getByRole('link', { name, exact: true }).click();
  }

  /** "Sổ đăng ký": the year's units and their signers from the Excel template Sở Nội vụ fills in. */
  async importRegister(units: readonly CastUnit[]): Promise<void> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Đơn vị').addRows([['Mã đơn vị', 'Tên đơn vị', 'Khối'], ...units.map((u) => [u.profile.code, u.profile.name, blockName(u.profile.type)])]);
    wb.addWorksheet('Người ký').addRows([
      ['Mã đơn vị', 'Vân tay SHA-256', 'Chủ thể', 'Tổ chức cấp', 'Số hiệu', 'Hiệu lực từ', 'Hiệu lực đến'],
      ...units.map((u) => {
        const c = certDetails(this.pki.signers[u.key].cert);
        return [u.profile.code, c.sha256.toUpperCase(), c.subject, c.issuer, c.serial, c.notBefore.slice(0, 10), c.notAfter.slice(0, 10)];
      }),
    ]);
    const file = join(this.dir, 'so-dang-ky-2025.xlsx');
    await wb.xlsx.writeFile(file);
    await this.nav('Sổ đăng ký');
    await this.page.getByLabel('Năm cần mở hoặc nhập danh sách').fill('2025');
    await this.page.getByLabel('Người thẩm định (ghi vào nhật ký)').fill('Lê Thị Hoa');
    await this.page.getByRole('button', { name: 'Lưu tên' }).click();
    await expect(this.page.getByTestId('registry-status')).toHaveText('Đã lưu tên người thẩm định.');
    await this.page.getByTestId('registry-template-input').setInputFiles(file);
    await expect(this.page.getByTestId('registry-import-report')).toContainText(`Đã nhập so-dang-ky-2025.xlsx: ${units.length} đơn vị, ${units.length} người ký.`);
  }

  /** "Đợt đánh giá": trust the CA, create the 2025 round (official set per block, deadlines), sign and download it. */
  async publishRound(deadlines: { due: string; start: string; end: string }): Promise<Download> {
    await this.nav('Đợt đánh giá');
    await addTrust(this.page, this.pki);
    await this.page.getByRole('button', { name: 'Tạo đợt đánh giá' }).click();
    const editor = this.page.getByTestId('round-editor');
    await editor.getByLabel('Năm đánh giá').fill('2025');
    await editor.getByTestId('round-set-SO').selectOption('hp-2025-so@2025.1');
    await editor.getByTestId('round-set-PHUONG').selectOption('hp-2025-xa-phuong@2025.1');
    await editor.getByTestId('round-set-XA_DAC_KHU').selectOption('hp-2025-xa-phuong@2025.1');
    await expect(editor.getByTestId('round-units-source')).toContainText('Danh sách đơn vị lấy từ sổ đăng ký năm 2025');
    await editor.getByLabel('Hạn nộp bản tự đánh giá').fill(deadlines.due);
    await editor.getByLabel('Giải trình từ ngày').fill(deadlines.start);
    await editor.getByLabel('Giải trình đến ngày').fill(deadlines.end);
    await editor.getByRole('button', { name: 'Lưu đợt đánh giá' }).click();
    await expect(this.page.getByTestId('round-note')).toHaveText('Đã lưu đợt đánh giá năm 2025 (lần 1).');
    const row = this.page.getByTestId('issued-round');
    await expect(row).toContainText('Năm 2025, lần 1 — 3 đơn vị; chưa xuất gói');
    await row.getByRole('button', { name: 'Ký và xuất gói…' }).click();
    const d = await signAndDownload(this.page, this.pki.signers.snv.p12, this.pki.password);
    await expect(this.page.getByTestId('round-export-note')).toHaveText('Đã xuất SNV-HP_DotDanhGia_2025_r1.asice (OK).');
    // The export ends on its result, focused, with the way back to the refreshed list (not on the key step).
    await expect(this.page.getByRole('heading', { name: 'Đã ký và xuất gói đợt đánh giá' })).toBeFocused();
    await expect(this.page.getByLabel('Chọn tệp .p12 hoặc .pfx')).toHaveCount(0);
    await this.page.getByTestId('round-export').screenshot({ path: join('test-results', 'e2e', 'round-export-done.png') });
    expect(await seriousA11y(this.page)).toEqual([]);
    await this.page.getByRole('button', { name: 'Về danh sách đợt đánh giá' }).click();
    await expect(row).toContainText('Năm 2025, lần 1 — 3 đơn vị; đã xuất lần 1');
    await expect(this.page.getByTestId('round-note')).toHaveText('Đã xuất SNV-HP_DotDanhGia_2025_r1.asice (OK).');
    // Sở Nội vụ's page has no unit side: no received rounds, no round import.
    await expect(this.page.getByRole('heading', { name: /Đợt đánh giá đã nhận/ })).toHaveCount(0);
    await expect(this.page.getByLabel('Gói đợt đánh giá của Sở Nội vụ (.asice)')).toHaveCount(0);
    return d;
  }

  /** "Tiếp nhận hồ sơ" → "Nhận hàng loạt": every file accepted, each named in the per-file summary. */
  async batchImport(files: readonly string[], units: readonly CastUnit[]): Promise<void> {
    await this.nav('Tiếp nhận hồ sơ');
    await this.page.getByLabel('Nhiều hồ sơ nộp cùng lúc (.asice)').setInputFiles([...files]);
    const summary = this.page.getByTestId('inbox-batch-summary');
    await expect(summary.getByRole('status')).toHaveText(`Đã xử lý ${files.length} hồ sơ: tiếp nhận ${files.length}, từ chối 0.`, { timeout: 120_000 });
    await expect(summary.getByTestId('inbox-batch-row').locator('td:nth-child(2)')).toHaveText(units.map((u) => `Đã tiếp nhận: ${u.profile.name}, phiên bản 1. Mở hồ sơ`));
  }

  /**
   * "Theo dõi đợt đánh giá" (#/round/dashboard): each unit's state, and the counts per block (one unit per
   * block here: a 1 in its state's column, no overdue unit, total 1).
   */
  async expectStates(expected: readonly { unit: CastUnit; state: UnitRoundState }[]): Promise<void> {
    await this.page.goto(`${this.page.url().split('#')[0]}#/round/dashboard`);
    await expect(this.page.getByRole('heading', { name: 'Theo dõi đợt đánh giá', level: 1 })).toBeVisible();
    for (const { unit, state } of expected) {
      await expect(this.page.getByTestId(`dashboard-unit-${unit.profile.code}`).getByTestId('dashboard-unit-state')).toHaveText(STATE_WORDS[state]);
      const counts = UNIT_ROUND_STATES.map((s) => (s === state ? '1' : '0'));
      await expect(this.page.getByTestId(`dashboard-counts-${unit.profile.type}`).locator('td')).toHaveText([...counts, '0', '1']);
    }
  }

  /** Opens a unit's received submission from the dashboard's link. */
  async openSubmission(u: CastUnit): Promise<void> {
    await this.page.goto(`${this.page.url().split('#')[0]}#/round/dashboard`);
    await this.page.getByTestId(`dashboard-unit-${u.profile.code}`).getByRole('link').click();
    await expect(this.page.getByRole('heading', { name: new RegExp(`${u.profile.name} — năm 2025`) })).toBeVisible();
  }

  /** The open submission's totals: "self · index" and "appraised · index" as the page words them. */
  async expectTotals(self: string, appraised: string): Promise<void> {
    await expect(this.page.getByTestId('inbox-totals').locator('dd')).toHaveText([self, appraised, 'Yếu']);
  }

  /** XHH/SIPAS result (a percentage) of one survey criterion, entered on the submission's page. */
  async enterSurvey(u: CastUnit, code: string, percent: string, points: string): Promise<void> {
    await this.page.getByLabel(`Kết quả điều tra tiêu chí ${code} (${u.profile.name})`).fill(percent);
    const row = this.page.getByTestId(`node-row-${code}`);
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect(this.page.getByTestId('appraisal-status')).toHaveText(`Đã lưu kết quả điều tra tiêu chí ${code}.`);
    await expect(row.getByTestId('appraised')).toHaveText(points);
  }

  /** A changed appraised score: refused without its reason (nothing saved), then saved with it. */
  async appraise(code: string, points: string, reason: string): Promise<void> {
    const row = this.page.getByTestId(`node-row-${code}`);
    const before = await row.getByTestId('appraised').innerText();
    await this.page.getByLabel(`Điểm thẩm định tiêu chí ${code}`).fill(points);
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect(row.getByRole('alert')).toHaveText(`Điểm thẩm định khác điểm tự chấm: hãy ghi lý do vào ý kiến thẩm định tiêu chí ${code} rồi lưu. Chưa lưu.`);
    await expect(row.getByTestId('appraised')).toHaveText(before);
    await this.page.getByLabel(`Ý kiến thẩm định tiêu chí ${code} — lý do đổi điểm (bắt buộc)`).fill(reason);
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expect(this.page.getByTestId('appraisal-status')).toHaveText(`Đã lưu điểm thẩm định tiêu chí ${code}.`);
    await expect(row.getByTestId('appraised')).toHaveText(points);
  }

  /** The result panel of the open submission: sign and download the unit's appraisal-result package. */
  async sendResult(u: CastUnit): Promise<Download> {
    const panel = this.page.getByTestId('result-panel');
    await expect(panel.getByTestId('result-sent')).toHaveText('Chưa gửi kết quả thẩm định cho đơn vị.');
    await panel.getByRole('button', { name: 'Ký số và xuất kết quả thẩm định' }).click();
    const d = await signAndDownload(this.page, this.pki.signers.snv.p12, this.pki.password);
    await expect(panel.getByTestId('results-note')).toHaveText(`Đã xuất ${u.profile.code}_KetQuaThamDinh_2025_r1.asice.`);
    return d;
  }

  /** "Giải trình, kết quả": import giải trình packages; each outcome is said per file. */
  async importExplanations(files: readonly string[], outcomes: readonly string[]): Promise<void> {
    await this.nav('Giải trình, kết quả');
    await expect(this.page.getByRole('heading', { name: 'Giải trình và kết quả cuối cùng', level: 1 })).toBeVisible();
    await this.page.getByLabel('Các tệp gói giải trình (.asice), chọn được nhiều tệp').setInputFiles([...files]);
    for (const o of outcomes) await expect(this.page.getByTestId('decisions-outcomes')).toContainText(o, { timeout: 60_000 });
  }

  /** On a unit's giải trình page: accept a criterion with a new score. */
  async accept(nodeId: string, points: string): Promise<void> {
    const item = this.page.getByTestId(`decision-${nodeId}`);
    await item.getByLabel('Chấp nhận, điểm mới').check();
    await item.getByLabel(/Điểm mới/).fill(points);
    await item.getByTestId(`decision-${nodeId}-save`).click();
    await expect(item.getByTestId(`decision-${nodeId}-state`)).toHaveText(`Đã quyết định: Chấp nhận, điểm mới ${points}`);
  }

  /** Keeps the appraised score: refused without a reason, then saved with a reason code and its words. */
  async keep(nodeId: string, reasonCode: string, text: string): Promise<void> {
    const item = this.page.getByTestId(`decision-${nodeId}`);
    await item.getByLabel('Giữ nguyên điểm thẩm định').check();
    await item.getByTestId(`decision-${nodeId}-save`).click();
    await expect(item.getByRole('alert')).toContainText('phải chọn lý do');
    await item.getByLabel('Lý do giữ nguyên').selectOption({ label: reasonCode });
    await item.getByLabel('Giải thích').fill(text);
    await item.getByTestId(`decision-${nodeId}-save`).click();
    await expect(item.getByTestId(`decision-${nodeId}-state`)).toContainText('Đã quyết định: Giữ nguyên');
  }

  /** Closes the round (the confirm dialog accepted), then signs the final-result packages of every unit (one .zip). */
  async closeAndExportFinals(): Promise<Download> {
    this.page.once('dialog', (d) => void d.accept());
    await this.page.getByRole('button', { name: 'Kết thúc đợt đánh giá' }).click();
    await expect(this.page.getByTestId('decisions-closed')).toContainText('Đợt đánh giá đã kết thúc');
    const finals = this.page.getByTestId('final-packages');
    await finals.getByLabel('Xuất cho').selectOption('all');
    await finals.getByRole('button', { name: 'Ký và xuất…' }).click();
    return signAndDownload(this.page, this.pki.signers.snv.p12, this.pki.password);
  }
}
