import { expect, test } from './fixtures';
import { callApp } from './helpers';

const unit = {
  name: 'Xã An Lão',
  code: 'XA-ANLAO',
  type: 'XA_DAC_KHU',
  focalPoint: { name: 'Vũ Thị Lan', title: 'Công chức Văn phòng', phone: '', email: '' },
  head: { name: 'Đỗ Văn Hải', title: 'Chủ tịch UBND xã', phone: '', email: '' },
};

test('a new assessment can carry last time’s answers and explanations forward', async ({ page, app }) => {
  await callApp(app, 'unit.save', unit);
  // Last year's assessment (one per year and set: this year's is created through the UI below).
  const prev = await callApp<{ id: string }>(app, 'assessments.create', { year: 2024, indicatorSetId: 'hp-2025-xa-phuong' });
  const set = await callApp<{ nodes: unknown }>(app, 'indicatorSets.get', { id: 'hp-2025-xa-phuong' });
  // The first self-assessed leaf with a binary method, whatever its id in the sample set.
  const findLeaf = (nodes: Array<{ id: string; kind?: string; method?: { type: string }; children?: unknown[] }>): string | null => {
    for (const n of nodes) {
      if (n.children?.length) {
        const hit = findLeaf(n.children as typeof nodes);
        if (hit) return hit;
      } else if ((n.kind ?? 'SELF') === 'SELF' && n.method?.type === 'BINARY') return n.id;
    }
    return null;
  };
  const nodeId = findLeaf(set.nodes as Parameters<typeof findLeaf>[0]);
  expect(nodeId).not.toBeNull();
  await callApp(app, 'answers.save', {
    assessmentId: prev.id,
    nodeId,
    answer: { nodeId, inputs: { met: false }, explanation: 'Chưa ban hành do sáp nhập đơn vị hành chính' },
  });

  await app.open(page);
  await page.getByLabel('Chuyển tiếp từ bản trước (không bắt buộc)').selectOption(prev.id);
  await page.getByRole('button', { name: 'Tạo bản tự đánh giá' }).click();
  // Creating opens the new assessment, whose dashboard says what was carried forward.
  await expect(page.getByRole('heading', { name: 'Tổng quan bản tự đánh giá' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'chuyển tiếp 1 câu trả lời' })).toBeVisible();
  // The notice follows a language switch (renderer/src/app/flash.ts, use-note.ts), in the singular for one answer.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assessment created; 1 answer and' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.getByRole('link', { name: '← Danh sách' }).click();
  await expect(page.getByTestId('assessment-item')).toHaveCount(2);

  const list = await callApp<Array<{ id: string }>>(app, 'assessments.list');
  const next = list.find((a) => a.id !== prev.id)!;
  const answers = await callApp<Array<{ nodeId: string; explanation: string }>>(app, 'answers.list', { assessmentId: next.id });
  expect(answers.find((a) => a.nodeId === nodeId)?.explanation).toBe('Chưa ban hành do sáp nhập đơn vị hành chính');
});
