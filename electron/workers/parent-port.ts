/**
 * The worker side of the message channel, the same code under both launchers: an Electron utilityProcess
 * exposes process.parentPort (messages arrive as { data }), a Node child process uses process.send/on.
 */
type ParentPort = { on: (e: 'message', cb: (ev: { data: unknown }) => void) => void; postMessage: (m: unknown) => void };

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

export const postToParent = (message: unknown): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

export const onParentMessage = <T>(cb: (message: T) => void): void => {
  if (parentPort) parentPort.on('message', (ev) => cb(ev.data as T));
  else process.on('message', (m) => cb(m as T));
};

/** Called when the parent goes away (Node child: IPC disconnect; utilityProcess: the parent kills us). */
export const onParentGone = (cb: () => void): void => {
  if (!parentPort) process.on('disconnect', cb);
};

/** Ends the IPC channel of a Node child (a utilityProcess is ended by its parent instead). */
export const disconnectFromParent = (): void => {
  if (!parentPort) process.disconnect?.();
};
