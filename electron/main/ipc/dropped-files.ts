import { lstatSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';

import { z } from 'zod';

import { err, ok } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import type { UploadRegistry } from '../../backend/services/uploads';
import type { IpcMainLike } from './register';
import { isTrustedSender } from './sender-check';

export const DROPPED_FILES_CHANNEL = 'cchc:dropped-files';
const MAX_DROP_BYTES = 200 * 1024 * 1024;

const droppedSchema = z.array(z.string().min(1).max(4096)).min(1).max(50);

/**
 * The one place a path crosses from the renderer side: the preload resolves dropped File objects with
 * webUtils.getPathForFile (the page itself cannot), and main re-checks each path — absolute, a regular
 * file (no symlink, device or folder), within the size cap — before handing out an opaque upload id.
 */
export const registerDroppedFiles = (
  ipcMain: IpcMainLike,
  uploads: UploadRegistry,
  trustedWebContentsId: () => number | null,
): void => {
  ipcMain.handle(DROPPED_FILES_CHANNEL, async (event, payload): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, trustedWebContentsId())) return err('FORBIDDEN', 'Yêu cầu không hợp lệ.');
    const parsed = droppedSchema.safeParse(payload);
    if (!parsed.success) return err('VALIDATION', 'Danh sách tệp không hợp lệ.');
    const out = [];
    for (const p of parsed.data) {
      if (!isAbsolute(p) || p.includes('\0')) return err('BAD_FILE', 'Đường dẫn tệp không hợp lệ.');
      let st;
      try {
        st = lstatSync(p);
      } catch {
        return err('NOT_FOUND', `Không đọc được tệp ${basename(p)}.`);
      }
      if (!st.isFile()) return err('BAD_FILE', `"${basename(p)}" không phải là một tệp thông thường.`);
      if (st.size > MAX_DROP_BYTES) return err('FILE_TOO_LARGE', `Tệp "${basename(p)}" vượt quá 200 MB.`);
      const up = uploads.register(p, basename(p), st.size);
      out.push({ uploadId: up.id, name: up.name, size: up.size });
    }
    return ok(out);
  });
};
