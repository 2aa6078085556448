import { readFileSync, statSync } from 'node:fs';

import type { SingleFileSource } from '../../../shared/ipc/channels/survey';
import { AppFailure } from '../../../shared/ipc/result';
import type { BackendContext } from '../context';
import type { FileFilter, Words } from '../host';

/**
 * Reads ONE user-chosen file for an import (survey sheet, indicator set): from the native dialog, or from an
 * upload id (web host, dropped file). The renderer never sends a path. Web uploads are our temp copies and
 * are deleted after reading; a dropped file belongs to the user and is only forgotten.
 */
export const readSingleFile = async (
  ctx: BackendContext,
  source: SingleFileSource,
  opts: { title: Words; filters: FileFilter[]; maxBytes: number },
): Promise<{ name: string; data: Buffer }> => {
  let path: string;
  let name: string;
  let release = (): void => {};
  if (source.kind === 'dialog') {
    const picked = await ctx.host.pickFiles({ title: opts.title, filters: opts.filters, multiple: false });
    if (!picked && ctx.host.kind === 'web') throw AppFailure.of('WEB_PICK_BY_UPLOAD');
    if (!picked || picked.length === 0) throw AppFailure.of('NOTHING_PICKED');
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
      throw AppFailure.of('FILE_UNREADABLE', { name });
    }
    if (size > opts.maxBytes) {
      throw AppFailure.of('FILE_TOO_LARGE_MAX', { name, max: opts.maxBytes });
    }
    try {
      return { name: name.normalize('NFC'), data: readFileSync(path) };
    } catch {
      throw AppFailure.of('FILE_UNREADABLE', { name });
    }
  } finally {
    release();
  }
};
