import { CHANNEL_NAMES } from '../../../shared/ipc/contract';
import { errOf } from '../../../shared/ipc/result';
import type { Result } from '../../../shared/ipc/result';
import type { SenderLike } from './sender-check';
import { isTrustedSender } from './sender-check';

export type IpcMainLike = {
  handle: (channel: string, listener: (event: SenderLike, ...args: unknown[]) => Promise<Result<unknown>>) => void;
};

/**
 * One ipcMain.handle per contract channel: sender check → backend.call (zod parse → handler → Result).
 * Returns the list of registered channels (a test compares it with the contract).
 */
export const registerIpc = (
  ipcMain: IpcMainLike,
  call: (channel: string, payload: unknown) => Promise<Result<unknown>>,
  trustedWebContentsId: () => number | null,
): string[] => {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event, trustedWebContentsId())) {
        return errOf('NOT_FROM_APP_WINDOW');
      }
      return call(channel, payload);
    });
  }
  return [...CHANNEL_NAMES];
};
