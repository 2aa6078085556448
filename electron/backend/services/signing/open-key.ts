import { existsSync, readFileSync, statSync } from 'node:fs';

import { AppFailure } from '../../../../shared/ipc/result';
import type { WorkerLauncher } from '../../workers-seam/launcher';
import { openP12Signer } from './p12-signer';
import { openPkcs11Signer } from './pkcs11-signer';
import type { Signer } from './signer';

/**
 * A signing key the user chose, remembered by opaque id between "preview" and "export"
 * (BackendContext.session.signingKeys): the .p12 file or the token's PKCS#11 module — never the password
 * or PIN, which is asked for again and used once.
 */
export type KeyRef = { kind: 'p12'; path: string } | { kind: 'pkcs11'; module: string; tokenSerial?: string };

/** A .p12 file is a few KB; anything over this is not one, and is refused before parsing. */
const MAX_P12 = 1024 * 1024;

const readP12 = (path: string): Buffer => {
  if (!existsSync(path) || statSync(path).size > MAX_P12) throw AppFailure.of('P12_FILE_UNREADABLE');
  return readFileSync(path);
};

/** Opens the key with its secret (p12 password or token PIN); the caller closes the signer. */
export const openSigningKey = (ref: KeyRef, secret: string, launcher: WorkerLauncher): Promise<Signer> =>
  ref.kind === 'p12'
    ? openP12Signer(readP12(ref.path), secret)
    : openPkcs11Signer(
        { module: ref.module, ...(ref.tokenSerial ? { tokenSerial: ref.tokenSerial } : {}), launcher },
        secret,
      );
