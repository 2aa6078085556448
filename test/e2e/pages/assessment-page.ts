import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

import type { Backend } from '../../../electron/backend/backend';
import type { IndicatorNode, IndicatorSet } from '../../../shared/schemas/indicator-set';

/** Page model of the assessment pages (dashboard, tree, sub-criterion, preflight), Vietnamese UI. */
export class AssessmentPage {
  readonly tree: Locator;
  constructor(
    readonly page: Page,
    readonly assessmentId: string,
  ) {
    this.tree = page.getByRole('navigation', { name: 'Cây tiêu chí' });
  }

  async gotoDashboard(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Các trang của bản tự đánh giá' }).getByRole('link', { name: 'Tổng quan' }).click();
    await expect(this.page.getByRole('heading', { name: 'Tổng quan bản tự đánh giá' })).toBeVisible();
  }

  async gotoPreflight(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Các trang của bản tự đánh giá' }).getByRole('link', { name: 'Kiểm tra trước khi nộp' }).click();
    await expect(this.page.getByRole('heading', { name: 'Kiểm tra trước khi nộp', level: 1 })).toBeVisible();
  }

  /** Finds a sub-criterion by typing its code in the tree search (diacritics-insensitive) and opens it. */
  async openNode(code: string): Promise<void> {
    const all = this.tree.getByRole('button', { name: 'Tất cả' });
    if ((await all.getAttribute('aria-pressed')) !== 'true') await all.click();
    const search = this.tree.getByLabel('Tìm theo mã hoặc nội dung');
    await search.fill(code);
    const link = this.tree.locator('li.tree-leaf > a').filter({ has: this.page.locator('.tree-code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });
    await link.click();
    await expect(this.page.locator('#node-title')).toContainText(code);
    await search.fill('');
  }

  get saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Đã lưu');
  }

  get nodeScore(): Locator {
    return this.page.getByTestId('node-score');
  }

  field(label: string | RegExp): Locator {
    return this.page.locator('.node-page').getByLabel(label, typeof label === 'string' ? { exact: true } : {});
  }

  explanation(): Locator {
    return this.page.locator('.node-page').getByLabel(/^Giải trình/);
  }
}

/** Inputs that give a leaf its maximum (used to fill the bulk of an assessment through the API). */
export const maxInputs = (n: IndicatorNode): Record<string, unknown> => {
  const m = n.method!;
  switch (m.type) {
    case 'BINARY':
      return { met: n.kind !== 'PENALTY' };
    case 'LEVELS':
      return { levelId: [...m.levels].sort((a, b) => b.points - a.points)[0]!.id };
    case 'BANDS':
    case 'LINEAR':
    case 'PIECEWISE':
      return m.complement ? { numerator: 0, denominator: 40 } : { numerator: 40, denominator: 40 };
    case 'COUNT_DEDUCT':
      return { count: 0 };
    case 'COUNT':
      return { count: n.kind === 'PENALTY' ? 0 : 1 };
    case 'EXTERNAL':
      return { externalValue: 95 };
    case 'MANUAL':
      return { manualPoints: n.maxPoints };
    case 'SURVEY':
      return {};
  }
};

export const saveAnswer = async (backend: Backend, assessmentId: string, nodeId: string, answer: Record<string, unknown>): Promise<void> => {
  const r = await backend.call('answers.save', { assessmentId, nodeId, answer: { nodeId, inputs: {}, ...answer } });
  if (!r.ok) throw new Error(`answers.save ${nodeId}: ${r.error.message}`);
};

export const value = async <T>(backend: Backend, channel: string, payload: unknown): Promise<T> => {
  const r = await backend.call(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
};

export const SO_UNIT = {
  name: 'Sở Khoa học và Công nghệ thành phố Hải Phòng',
  code: 'SKHCN-HP',
  type: 'SO',
  focalPoint: { name: 'Đặng Thị Thu Hương', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Nguyễn Đức Trọng', title: 'Giám đốc', phone: '', email: '' },
};

/** Unit + assessment of the sample sở set, created through the API; returns the set too. */
export const createSoAssessment = async (backend: Backend): Promise<{ assessmentId: string; set: IndicatorSet }> => {
  await value(backend, 'unit.save', SO_UNIT);
  const a = await value<{ id: string }>(backend, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so', deadline: '2025-12-31' });
  const set = await value<IndicatorSet>(backend, 'indicatorSets.get', { id: 'hp-2025-so' });
  return { assessmentId: a.id, set };
};
