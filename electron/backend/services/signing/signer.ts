import type { SignerDetails } from '../../../../shared/schemas/submission';

/**
 * One signing key, whatever holds it (.p12 file, PKCS#11 token, later a remote-signing service).
 * CMS assembly is shared (bundle/cms.ts); a Signer only turns the DER of the signed attributes into a
 * signature. The PIN/password stays inside the implementation and is never kept after opening.
 */
export type Signer = {
  /** DER of the signer certificate. */
  readonly certificate: Uint8Array;
  /** DER of the intermediates the key source provides (never the signer itself); may be empty. */
  readonly chain: Uint8Array[];
  /** The self-signed root the key source carried, if any: never shipped, only the export's self-check anchor. */
  readonly root?: Uint8Array;
  /** Shown to the user before signing. */
  readonly details: SignerDetails;
  /** OID placed in SignerInfo.signatureAlgorithm (sha256WithRSAEncryption or ecdsa-with-SHA256). */
  readonly signatureAlgorithm: string;
  /** Signs `data` (the DER SET of signed attributes) with SHA-256. */
  sign(data: Uint8Array): Promise<Uint8Array>;
  /** Releases the key (token session, key material). Safe to call twice. */
  close(): Promise<void>;
};
