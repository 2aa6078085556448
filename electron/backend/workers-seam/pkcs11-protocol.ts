import type { AppError } from '../../../shared/ipc/result';

/**
 * Messages between the app and the PKCS#11 worker process. Vendor PKCS#11 modules can crash or hang, so
 * they are only ever loaded in that separate process. Binary data travels as base64.
 */
export type Pkcs11Request =
  | { id: number; op: 'listTokens'; module: string }
  | {
      id: number;
      op: 'open';
      module: string;
      /** Token serial number (from listTokens); omitted → the first slot with a token. */
      tokenSerial?: string;
      /** Used once for C_Login and dropped; never logged, never retried. */
      pin: string;
      /** CKA_ID (hex) of the certificate to use; omitted → the first certificate with a matching private key. */
      certId?: string;
    }
  | { id: number; op: 'sign'; data: string }
  | { id: number; op: 'close' };

export type TokenSummary = { slot: number; label: string; serial: string; manufacturer: string; model: string };

export type Pkcs11Opened = {
  certificate: string;
  /** Other certificates on the token (possible intermediates). */
  others: string[];
  certId: string;
  mechanism: 'CKM_SHA256_RSA_PKCS' | 'CKM_RSA_PKCS' | 'CKM_ECDSA';
};

export type Pkcs11Response =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: AppError };
