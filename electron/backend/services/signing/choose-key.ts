import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';

import type { ChosenKey, KeySource } from '../../../../shared/ipc/channels/signing';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { openSigningKey } from './open-key';
import type { KeyRef } from './open-key';
import type { Signer } from './signer';
import { signerProblem } from './signer-policy';

/** Signer details for the confirmation step; the key is closed again at once (opened anew to sign). */
const chosenKeyOf = async (ctx: BackendContext, ref: KeyRef, signer: Signer): Promise<ChosenKey> => {
  try {
    const keyId = randomBytes(12).toString('hex');
    ctx.session.signingKeys.set(keyId, ref);
    return { keyId, signer: signer.details, problem: signerProblem(signer, ctx.now()) };
  } finally {
    await signer.close();
  }
};

/**
 * The one signer choice of every signed package (submission, round): a .p12/.pfx file (native dialog or an
 * upload) opened with its password, or a PKCS#11 module (native dialog) with its PIN. The key is remembered
 * by an opaque id in the session; the path never reaches the renderer.
 */
export const chooseSigningKey = async (ctx: BackendContext, source: KeySource): Promise<ChosenKey> => {
  let ref: KeyRef;
  if (source.kind === 'p12') {
    let uploadId = source.uploadId;
    if (!uploadId) {
      const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn tệp chứng thư số (.p12, .pfx)', en: 'Choose the certificate file (.p12, .pfx)' }, filters: [{ name: { vi: 'Chứng thư số', en: 'Certificate' }, extensions: ['p12', 'pfx'] }], multiple: false });
      if (!picked?.[0]) throw AppFailure.of('NO_P12_PICKED');
      // Remember the dialog choice by opaque id, so retyping a wrong password does not reopen the dialog.
      uploadId = ctx.uploads.register(picked[0], basename(picked[0]), statSync(picked[0]).size).id;
    }
    ref = { kind: 'p12', path: ctx.uploads.get(uploadId).path };
    const fileId = uploadId;
    const signer = await openSigningKey(ref, source.password, ctx.workerLauncher).catch((e: unknown) => {
      if (e instanceof AppFailure && e.code === 'WRONG_PASSWORD') throw AppFailure.of('P12_WRONG_PASSWORD', {}, { uploadId: fileId });
      throw e;
    });
    return chosenKeyOf(ctx, ref, signer);
  }
  const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn thư viện PKCS#11 của USB token', en: 'Choose the USB token’s PKCS#11 library' }, filters: [{ name: { vi: 'Thư viện PKCS#11', en: 'PKCS#11 library' }, extensions: ['dll', 'so', 'dylib'] }], multiple: false });
  if (!picked?.[0]) throw AppFailure.of('NO_PKCS11_PICKED');
  ref = { kind: 'pkcs11', module: picked[0], ...(source.tokenSerial ? { tokenSerial: source.tokenSerial } : {}) };
  return chosenKeyOf(ctx, ref, await openSigningKey(ref, source.pin, ctx.workerLauncher));
};

/** The key chosen at preview, with the password/PIN typed for this signature (never stored). */
export const keyForSigning = (ctx: BackendContext, keyId: string, secrets: { password?: string | undefined; pin?: string | undefined }): { ref: KeyRef; secret: string } => {
  const ref = ctx.session.signingKeys.get(keyId);
  if (!ref) throw AppFailure.of('KEY_NOT_OPEN');
  const secret = ref.kind === 'p12' ? secrets.password : secrets.pin;
  if (secret === undefined) throw AppFailure.of(ref.kind === 'p12' ? 'PASSWORD_MISSING' : 'PIN_MISSING');
  return { ref, secret };
};
