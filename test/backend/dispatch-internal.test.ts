import { afterEach, describe, expect, it } from 'vitest';

import { handlers } from '../../electron/backend/handlers/index';
import type { HandlerMap } from '../../electron/backend/handlers/types';
import { ERROR_REASON_TEXTS as REASONS } from '../../shared/ipc/errors/index';
import { callOk, createTestBackend } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';

const unit = {
  name: 'Sở Tư pháp',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Nguyễn Văn An', title: '', phone: '', email: '' },
  head: { name: 'Trần Thị Bình', title: '', phone: '', email: '' },
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

/**
 * The dispatcher checks a handler's answer after the handler ran, when its writes are committed: the
 * message must not tell the user that nothing changed (issue 12, item 9).
 */
describe('INTERNAL failures say only what is true', () => {
  it('a write that committed, then an answer that fails its schema: INTERNAL_RESULT_INVALID says the change may be saved', async () => {
    const realSave = handlers['unit.save'];
    const badSave = async (input: Parameters<typeof realSave>[0], ctx: Parameters<typeof realSave>[1]) => {
      await realSave(input, ctx);
      return { not: 'a unit profile' };
    };
    const map = { ...handlers, 'unit.save': badSave } as unknown as HandlerMap;
    b = createTestBackend({ handlers: map });
    const r = await b.call('unit.save', unit);
    expect(r.ok ? null : { code: r.error.code, reason: r.error.reason, message: r.error.message }).toEqual({
      code: 'INTERNAL',
      reason: 'INTERNAL_RESULT_INVALID',
      message: 'Thao tác đã chạy xong nhưng kết quả trả về không đúng định dạng nên không hiển thị được. Thay đổi có thể đã được lưu: hãy tải lại trang để xem dữ liệu hiện tại trước khi làm lại.',
    });
    // and indeed it was saved
    expect((await callOk<{ code: string } | null>(b, 'unit.get', {}))?.code).toBe('STP-HP');
  });

  it('an unexpected exception: INTERNAL_ERROR claims nothing about the data', async () => {
    const map: HandlerMap = { ...handlers, 'unit.get': (() => {
      throw new TypeError('boom');
    }) as HandlerMap['unit.get'] };
    b = createTestBackend({ handlers: map });
    const r = await b.call('unit.get', {});
    expect(r.ok ? null : r.error.reason).toBe('INTERNAL_ERROR');
    expect(r.ok ? null : r.error.message).toBe(REASONS.INTERNAL_ERROR.vi);
    for (const reason of ['INTERNAL_ERROR', 'INTERNAL_RESULT_INVALID'] as const) {
      expect(REASONS[reason].vi).not.toMatch(/không bị thay đổi|không thay đổi/);
      expect(REASONS[reason].en).not.toMatch(/not changed|unchanged/);
    }
  });
});
