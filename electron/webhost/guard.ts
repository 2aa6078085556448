import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-cchc-token';

/**
 * The web host's equivalent of the IPC sender check: the request must be addressed to our exact
 * loopback host:port (DNS-rebinding defence), come from our own origin if it says where it comes from,
 * and carry the per-launch token (compared in constant time).
 */
export const checkRequest = (
  req: IncomingMessage,
  expected: { host: string; origin: string; token: Buffer },
  needToken: boolean,
): string | null => {
  if (req.headers.host !== expected.host) return 'Máy chủ không hợp lệ';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== expected.origin) return 'Nguồn gọi không hợp lệ';
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return 'Nguồn gọi không hợp lệ';
  if (!needToken) return null;
  const given = req.headers[TOKEN_HEADER];
  if (typeof given !== 'string') return 'Thiếu mã phiên';
  const buf = Buffer.from(given, 'utf8');
  if (buf.length !== expected.token.length || !timingSafeEqual(buf, expected.token)) return 'Mã phiên không đúng';
  return null;
};
