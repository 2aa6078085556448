import { isAppUrl } from '../trusted-url';

/** The part of IpcMainInvokeEvent we look at (kept structural so tests can pass fakes). */
export type SenderLike = {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
};

/**
 * Only the main frame of our own window, showing our own app:// page, may call the backend.
 * A sub-frame (an evidence preview iframe), another window or a navigated-away page is refused before
 * any payload is parsed.
 */
export const isTrustedSender = (event: SenderLike, trustedWebContentsId: number | null): boolean => {
  if (trustedWebContentsId === null || event.sender.id !== trustedWebContentsId) return false;
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
};
