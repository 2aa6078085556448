import { basename } from 'node:path';

import { AppFailure } from '../../../shared/ipc/result';
import { step } from '../../../shared/domain/progress-steps';
import type { BackendContext } from '../context';
import { listAutomaticBackups } from '../services/backup/auto';
import { BACKUP_EXTENSION } from '../services/backup/manifest';
import { autoEnv, createBackupFile, defaultBackupName, restoreBackup } from '../services/backup/service';
import type { RestoreSource } from '../services/backup/service';
import type { HandlerSlice } from './types';

const FILTERS = [{ name: { vi: 'Tệp sao lưu CCHC', en: 'CCHC backup file' }, extensions: [BACKUP_EXTENSION] }];

/** Only one backup or restore at a time per backend: a restore swaps the data a concurrent backup is reading. */
const exclusive = async <T>(ctx: BackendContext, work: () => Promise<T>): Promise<T> => {
  const running = ctx.session.running;
  if (running.has('backup')) throw AppFailure.of('BACKUP_BUSY');
  running.add('backup');
  try {
    return await work();
  } finally {
    running.delete('backup');
  }
};

export const backupHandlers: HandlerSlice<'backup.list' | 'backup.create' | 'backup.restore'> = {
  'backup.list': (_input, ctx) => {
    const env = autoEnv(ctx);
    return { backups: listAutomaticBackups(env.backupsDir), keep: ctx.backupKeep };
  },

  'backup.create': (_input, ctx) =>
    ctx.jobs.start('backup.create', (ctl) =>
      exclusive(ctx, async () => {
        ctl.progress(0, 3, step('CHOOSE_BACKUP_TARGET'));
        const defaultName = defaultBackupName(ctx.now());
        const target = await ctx.host.chooseSaveTarget({ title: { vi: 'Lưu tệp sao lưu', en: 'Save the backup file' }, defaultName, filters: FILTERS });
        if (!target) throw AppFailure.of('BACKUP_CANCELLED');
        ctl.throwIfCancelled();
        const made = await createBackupFile(ctx, target.path, ctl);
        return {
          fileName: target.downloadId ? defaultName : basename(target.path),
          ...made,
          ...(target.downloadId ? { downloadId: target.downloadId } : {}),
        };
      }),
    ),

  'backup.restore': async (input, ctx) => {
    let source: RestoreSource | null = null;
    let release: () => void = () => {};
    if (input.automaticName) source = { kind: 'automatic', name: input.automaticName };
    else if (input.uploadId) {
      const up = ctx.uploads.get(input.uploadId);
      source = { kind: 'file', path: up.path };
      const owned = ctx.host.kind === 'web';
      release = () => ctx.uploads.release(up.id, owned);
    }
    const chosen = source;
    return ctx.jobs.start('backup.restore', (ctl) =>
      exclusive(ctx, async () => {
        try {
          let from = chosen;
          if (!from) {
            const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn tệp sao lưu để khôi phục', en: 'Choose the backup file to restore' }, filters: FILTERS, multiple: false });
            if (!picked && ctx.host.kind === 'web') throw AppFailure.of('WEB_RESTORE_BY_UPLOAD');
            if (!picked || picked.length === 0) throw AppFailure.of('NO_BACKUP_PICKED');
            from = { kind: 'file', path: picked[0]! };
          }
          return await restoreBackup(ctx, from, ctl);
        } finally {
          release();
        }
      }),
    );
  },
};
