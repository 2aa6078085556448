import type { IpcMainLike } from '../../electron/main/ipc/register';
import type { SenderLike } from '../../electron/main/ipc/sender-check';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { ok } from '../../shared/ipc/result';
import type { Result } from '../../shared/ipc/result';

/** Anything shaped like registerIpc: registers listeners on an ipcMain and forwards to `call`. */
export type Registration = (
  ipcMain: IpcMainLike,
  call: (channel: string, payload: unknown) => Promise<Result<unknown>>,
  trustedWebContentsId: () => number | null,
) => unknown;

export const TRUSTED_ID = 7;
export const TRUSTED_EVENT: SenderLike = { sender: { id: TRUSTED_ID }, senderFrame: { url: 'app://app/index.html', parent: null } };

/** Senders that must be refused before any payload is looked at (docs/security.md §4, IPC rules). */
export const UNTRUSTED_EVENTS: Array<[string, SenderLike]> = [
  ['another window', { sender: { id: 8 }, senderFrame: { url: 'app://app/index.html', parent: null } }],
  ['a sub-frame of our window', { sender: { id: TRUSTED_ID }, senderFrame: { url: 'app://app/index.html', parent: {} } }],
  ['a foreign origin', { sender: { id: TRUSTED_ID }, senderFrame: { url: 'https://evil.example/', parent: null } }],
  ['a misleading URL', { sender: { id: TRUSTED_ID }, senderFrame: { url: 'https://evil.example/?next=app://app', parent: null } }],
  ['app:// with credentials', { sender: { id: TRUSTED_ID }, senderFrame: { url: 'app://user@app/index.html', parent: null } }],
  ['a look-alike host', { sender: { id: TRUSTED_ID }, senderFrame: { url: 'app://app.evil/index.html', parent: null } }],
  ['a file:// page', { sender: { id: TRUSTED_ID }, senderFrame: { url: 'file:///etc/passwd', parent: null } }],
  ['a destroyed frame', { sender: { id: TRUSTED_ID }, senderFrame: null }],
];

/**
 * The IPC sender-check property as a reusable assertion: for every contract channel and every untrusted
 * sender, the registered listener must answer FORBIDDEN without calling the backend, and a trusted call
 * must reach it. Returns the list of problems (empty = the registration is sound), so a test can also
 * prove the assertion catches a broken registration.
 */
export const senderCheckProblems = async (register: Registration): Promise<string[]> => {
  const listeners = new Map<string, (event: SenderLike, payload: unknown) => Promise<Result<unknown>>>();
  const reached: string[] = [];
  register({ handle: (c, l) => listeners.set(c, l) }, async (channel) => {
    reached.push(channel);
    return ok('reached');
  }, () => TRUSTED_ID);
  const problems: string[] = [];
  for (const channel of CHANNEL_NAMES) {
    const listener = listeners.get(channel);
    if (!listener) {
      problems.push(`${channel}: not registered`);
      continue;
    }
    for (const [label, event] of UNTRUSTED_EVENTS) {
      reached.length = 0;
      const res = await listener(event, {});
      if (res.ok || res.error.code !== 'FORBIDDEN') problems.push(`${channel}: call from ${label} was not refused with FORBIDDEN`);
      if (reached.length > 0) problems.push(`${channel}: call from ${label} reached the backend`);
    }
    reached.length = 0;
    await listener(TRUSTED_EVENT, {});
    if (reached.length !== 1) problems.push(`${channel}: trusted call did not reach the backend`);
  }
  return problems;
};

/** A registration with the sender check removed (what a careless refactor would produce). */
export const registrationWithoutSenderCheck: Registration = (ipcMain, call) => {
  for (const channel of CHANNEL_NAMES) ipcMain.handle(channel, async (_event, payload) => call(channel, payload));
};
