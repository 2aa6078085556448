import { AppFailure } from '../../../../shared/ipc/result';
import { step } from '../../../../shared/domain/progress-steps';
import type { ProgressStep } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import type { SaveTarget, Words } from '../../host';
import type { JobControl } from '../../jobs';
import { openSigningKey } from './open-key';
import type { KeyRef } from './open-key';
import type { Signer } from './signer';

type SaveStep = { label: ProgressStep; title: Words; defaultName: string; filterName: Words; cancelled: 'BUNDLE_EXPORT_CANCELLED' | 'ROUND_EXPORT_CANCELLED' | 'RESULTS_EXPORT_CANCELLED' | 'DECISIONS_EXPORT_CANCELLED' | 'REPLY_EXPORT_CANCELLED' };

/**
 * The first two steps every signed package export shares (submission bundle, round package): where to save
 * (no choice = the export's own "cancelled" reason), then the key opened with its secret. The caller closes
 * the signer.
 */
export const chooseTargetThenOpenKey = async (ctx: BackendContext, ctl: JobControl, save: SaveStep, key: { ref: KeyRef; secret: string }): Promise<{ target: SaveTarget; signer: Signer }> => {
  ctl.progress(0, 1, save.label);
  const target = await ctx.host.chooseSaveTarget({ title: save.title, defaultName: save.defaultName, filters: [{ name: save.filterName, extensions: ['asice'] }] });
  if (!target) throw AppFailure.of(save.cancelled);
  ctl.throwIfCancelled();
  ctl.progress(0, 1, step('UNLOCK_KEY'));
  const signer = await openSigningKey(key.ref, key.secret, ctx.workerLauncher);
  return { target, signer };
};
