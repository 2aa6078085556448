import { expect } from '@playwright/test';
import type { Download, Page } from '@playwright/test';

import { BUNDLE_CODES } from '../../../shared/domain/bundle-codes';
import type { TestBackend } from '../../helpers/backend';
import type { RoundSigner } from '../../helpers/round-pki';
import { fillFromExample } from '../../backend/bundle/stored-assessment';
import type { Installation } from '../installations';
import { AssessmentPage } from './assessment-page';
import { addTrust, signAndDownload } from './key-step';
import type { CastUnit } from './round-cast';

/** One criterion changed by hand: a level (with its giải trình when below the maximum) or a count. */
export type CriterionEdit = { code: string; level?: RegExp; count?: string; explanation?: string; score: string };

/** A unit's installation (a sở, a phường or a xã/đặc khu), step by step through its pages (Vietnamese UI). */
export class UnitOffice {
  readonly page: Page;
  assessmentId = '';
  constructor(
    readonly inst: Installation,
    readonly unit: CastUnit,
    readonly signer: RoundSigner,
    readonly password: string,
  ) {
    this.page = inst.page;
  }

  async nav(name: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name, exact: true }).click();
  }

  async goto(hash: string): Promise<void> {
    await this.page.goto(`${this.page.url().split('#')[0]}#${hash}`);
  }

  /** "Đợt đánh giá": trust Sở Nội vụ's CA once, import the round package; the unit's official set and deadlines show. */
  async importRound(file: string, pki: { caFile: string; crlFile: string }): Promise<void> {
    await this.nav('Đợt đánh giá');
    await addTrust(this.page, pki);
    await this.page.getByLabel('Gói đợt đánh giá của Sở Nội vụ (.asice)').setInputFiles(file);
    await expect(this.page.getByTestId('round-import-note')).toHaveText('Đã nhập đợt đánh giá năm 2025 (lần 1).', { timeout: 60_000 });
    const row = this.page.getByTestId('received-round');
    await expect(row).toContainText('Năm 2025 — Sở Nội vụ thành phố Hải Phòng, lần 1');
    await expect(row).toContainText(`Bộ chỉ số chính thức của đơn vị: ${this.unit.setId}, phiên bản 2025.1`);
    // A unit's page has no Sở Nội vụ side: nothing to create or publish.
    await expect(this.page.getByRole('heading', { name: 'Đợt đánh giá do Sở Nội vụ ban hành' })).toHaveCount(0);
    await expect(this.page.getByRole('button', { name: 'Tạo đợt đánh giá' })).toHaveCount(0);
  }

  /**
   * Seeded, not the subject here (create-assessment and the criterion specs cover it): the assessment on the
   * official set, filled from the shipped example answers with their evidence and the report's number.
   */
  async seedAssessment(): Promise<void> {
    const a = await fillFromExample(this.inst.backend as unknown as TestBackend, { unit: this.unit.profile, setId: this.unit.setId });
    this.assessmentId = a.id;
  }

  /** Self-assesses the given criteria in the criterion pages; each shows its new score and is saved. */
  async selfAssess(edits: readonly CriterionEdit[]): Promise<void> {
    await this.goto(`/a/${this.assessmentId}`);
    const ap = new AssessmentPage(this.page, this.assessmentId);
    for (const e of edits) {
      await ap.openNode(e.code);
      if (e.level) await ap.field(e.level).check();
      if (e.count !== undefined) await ap.field(/^Số báo cáo chậm\/thiếu/).fill(e.count);
      if (e.explanation) await ap.explanation().fill(e.explanation);
      await expect(ap.nodeScore).toHaveText(e.score);
      await ap.expectSaved();
    }
  }

  /** "Xuất hồ sơ nộp": preflight, key, sign and export, then the download of the signed bundle. */
  async submit(): Promise<Download> {
    await this.goto(`/a/${this.assessmentId}/submit`);
    await expect(this.page.getByRole('heading', { name: 'Xuất hồ sơ nộp', level: 1 })).toBeVisible();
    await expect(this.page.getByTestId('submit-preflight')).toHaveText('Không còn lỗi phải sửa. Có thể ký và xuất hồ sơ.', { timeout: 30_000 });
    await this.page.getByRole('button', { name: 'Tiếp tục' }).click();
    await this.page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(this.signer.p12);
    await this.page.getByLabel('Mật khẩu của tệp chứng thư số').fill(this.password);
    await this.page.getByRole('button', { name: 'Mở khóa ký' }).click();
    await this.page.getByRole('button', { name: 'Ký và xuất hồ sơ' }).click();
    const verdict = this.page.getByTestId('submit-verdict');
    await expect(verdict).toHaveAttribute('data-status', 'VALID', { timeout: 120_000 });
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /^Tải hồ sơ về máy/ }).click();
    return downloading;
  }

  /** "Kết quả thẩm định": import Sở Nội vụ's appraisal-result package (verified against the trusted CA). */
  async importResult(file: string): Promise<void> {
    await this.nav('Kết quả thẩm định');
    await expect(this.page.getByRole('heading', { name: 'Kết quả thẩm định và giải trình', level: 1 })).toBeVisible();
    await this.page.getByLabel('Gói kết quả thẩm định của Sở Nội vụ (.asice)').setInputFiles(file);
    await expect(this.page.getByTestId('reply-import-result-note')).toHaveText('Đã nhập kết quả thẩm định năm 2025 (lần 1).', { timeout: 60_000 });
  }

  /** One criterion of the giải trình: the text, the score asked for, and optionally one new document. */
  async explain(code: string, text: string, requested: string, newDocument?: { name: string; buffer: Buffer }): Promise<void> {
    await this.page.getByRole('button', { name: `Giải trình tiêu chí ${code}` }).click();
    const item = this.page.getByTestId(`draft-item-${code}`);
    await item.getByLabel('Nội dung giải trình (bắt buộc)').fill(text);
    await item.getByTestId(`requested-${code}`).fill(requested);
    if (newDocument) {
      await item.getByLabel('Thêm tài liệu mới cho giải trình').setInputFiles({ ...newDocument, mimeType: 'application/pdf' });
      await expect(item.getByLabel(newDocument.name)).toBeChecked({ timeout: 30_000 });
    }
  }

  /** Saves the draft, then signs and downloads the explanation package (within the window). */
  async exportExplanation(): Promise<Download> {
    await this.page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await expect(this.page.getByTestId('reply-draft-note')).toHaveText('Đã lưu bản nháp giải trình.');
    await this.page.getByRole('button', { name: 'Ký và xuất gói giải trình…' }).click();
    const d = await signAndDownload(this.page, this.signer.p12, this.password);
    const name = `${this.unit.profile.code}_GiaiTrinh_2025_r1.asice`;
    expect(d.suggestedFilename()).toBe(name);
    await expect(this.page.getByTestId('reply-export-note')).toContainText(`Đã xuất gói giải trình ${name} (lần 1)`);
    return d;
  }

  /** A final-result package changed after signing: refused with its reason, nothing stored. */
  async refuseFinal(file: string): Promise<void> {
    await this.nav('Kết quả thẩm định');
    await this.page.getByLabel('Gói kết quả cuối cùng của Sở Nội vụ (.asice)').setInputFiles(file);
    await expect(this.page.getByRole('alert')).toContainText(`Gói bị từ chối, không có gì được lưu: ${BUNDLE_CODES.E_DIGEST_MISMATCH.vi}`, { timeout: 60_000 });
    await expect(this.page.getByTestId('reply-final')).toHaveCount(0);
  }

  /** Imports the final-result package; the page then shows it read-only. */
  async importFinal(file: string): Promise<void> {
    await this.nav('Kết quả thẩm định');
    await this.page.getByLabel('Gói kết quả cuối cùng của Sở Nội vụ (.asice)').setInputFiles(file);
    await expect(this.page.getByTestId('reply-import-final-note')).toHaveText('Đã nhập kết quả cuối cùng năm 2025 (lần 1).', { timeout: 60_000 });
  }
}
