import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema } from '../../schemas/common';
import { signerDetailsSchema } from '../../schemas/submission';

/** A password or PIN: sent once for one operation, never stored or logged by the backend. */
export const secret = z.string().max(256);

/** Which signing key: the same choice wherever the app signs (submission, report PDF, round, results, giải trình, final results). */
export const keySource = z.discriminatedUnion('kind', [
  /** A .p12/.pfx file: chosen in the native dialog (Electron) or uploaded (web host: uploadId). */
  z.object({ kind: z.literal('p12'), password: secret, uploadId: idSchema.optional() }).strict(),
  /** A PKCS#11 USB token: the vendor module (.dll/.so) is chosen in the native dialog. */
  z.object({ kind: z.literal('pkcs11'), pin: z.string().max(64), tokenSerial: z.string().max(64).optional() }).strict(),
]);
export type KeySource = z.infer<typeof keySource>;

export const chosenKeySchema = z.object({
  /** Opaque handle of the chosen key file/module for the export call (the path stays in the backend). */
  keyId: z.string(),
  signer: signerDetailsSchema,
  /** Why this key cannot sign now (expired, not yet valid, wrong key usage), or null; reason and params for the UI. */
  problem: z
    .object({
      code: z.string(),
      message: z.string(),
      reason: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    })
    .nullable(),
});
export type ChosenKey = z.infer<typeof chosenKeySchema>;

/**
 * The signer choice every signed export starts with (services/signing/choose-key.ts): the key is opened once to
 * show who signs, then remembered by an opaque `keyId` that the export channel of the package takes
 * (`submission.export`, `report.signedPdf`, `round.export`, `results.export`, `reply.export`,
 * `decisions.exportPackages`), with the password or PIN sent again for that one operation.
 */
export const signingChannels = {
  'signing.chooseKey': defineChannel({
    description: 'Chọn khóa ký (tệp .p12/.pfx hoặc USB token), mở thử và trả về thông tin người ký để xác nhận',
    input: z.object({ source: keySource }).strict(),
    output: chosenKeySchema,
  }),
} as const;
