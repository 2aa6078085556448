import { readFileSync, statSync } from 'node:fs';

import type { SingleFileSource } from '../../../shared/ipc/channels/survey';
import { AppFailure } from '../../../shared/ipc/result';
import type { BackendContext } from '../context';
import type { FileFilter } from '../host';

/**
 * Reads ONE user-chosen file for an import (survey sheet, indicator set): from the native dialog, or from an
 * upload id (web host, dropped file). The renderer never sends a path. Web uploads are our temp copies and
 * are deleted after reading; a dropped file belongs to the user and is only forgotten.
 */
export const readSingleFile = async (
  ctx: BackendContext,
  source: SingleFileSource,
  opts: { title: string; filters: FileFilter[]; maxBytes: number },
): Promise<{ name: string; data: Buffer }> => {
  let path: string;
  let name: string;
  let release = (): void => {};
  if (source.kind === 'dialog') {
    const picked = await ctx.host.pickFiles({ title: opts.title, filters: opts.filters, multiple: false });
    if (!picked && ctx.host.kind === 'web') throw new AppFailure('UNSUPPORTED', 'Trên trình duyệt, hãy chọn tệp bằng nút tải lên.');
    if (!picked || picked.length === 0) throw new AppFailure('CANCELLED', 'Chưa chọn tệp nào');
    path = picked[0]!;
    name = path.split(/[\\/]/).pop() ?? 'tep';
  } else {
    const up = ctx.uploads.get(source.uploadId);
    path = up.path;
    name = up.name;
    const owned = ctx.host.kind === 'web';
    release = () => ctx.uploads.release(up.id, owned);
  }
  try {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new AppFailure('BAD_FILE', `Không đọc được tệp "${name}"`);
    }
    if (size > opts.maxBytes) {
      throw new AppFailure('FILE_TOO_LARGE', `Tệp "${name}" quá lớn (tối đa ${Math.round(opts.maxBytes / 1_048_576)} MB)`);
    }
    try {
      return { name: name.normalize('NFC'), data: readFileSync(path) };
    } catch {
      throw new AppFailure('BAD_FILE', `Không đọc được tệp "${name}"`);
    }
  } finally {
    release();
  }
};
