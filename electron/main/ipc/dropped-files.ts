import { lstatSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';

import { z } from 'zod';

import { errOf, ok } from '../../../shared/ipc/result';
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
    if (!isTrustedSender(event, trustedWebContentsId())) return errOf('DROP_NOT_TRUSTED');
    const parsed = droppedSchema.safeParse(payload);
    if (!parsed.success) return errOf('DROPPED_LIST_INVALID');
    const out = [];
    for (const p of parsed.data) {
      if (!isAbsolute(p) || p.includes('\0')) return errOf('DROPPED_PATH_INVALID');
      let st;
      try {
        st = lstatSync(p);
      } catch {
        return errOf('DROPPED_UNREADABLE', { name: basename(p) });
      }
      if (!st.isFile()) return errOf('NOT_A_REGULAR_FILE', { name: basename(p) });
      if (st.size > MAX_DROP_BYTES) return errOf('DROPPED_TOO_LARGE', { name: basename(p), max: MAX_DROP_BYTES });
      const up = uploads.register(p, basename(p), st.size);
      out.push({ uploadId: up.id, name: up.name, size: up.size });
    }
    return ok(out);
  });
};
