import { SIGNATURE_PATH } from './constants';

export const ASIC_NS = 'http://uri.etsi.org/02918/v1.2.1#';
export const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const SHA256_URI = 'http://www.w3.org/2001/04/xmlenc#sha256';

export type ManifestReference = { uri: string; mimeType: string; sha256: string /* hex */ };

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/**
 * META-INF/ASiCManifest.xml in a fixed shape (the shape of EU DSS's ASiCEWithCAdESManifestBuilder):
 * UTF-8, no BOM, no DOCTYPE, attribute values escaped, one DataObjectReference per data object with its
 * SHA-256 in base64. These exact bytes are what the CAdES signature covers.
 */
export const buildManifest = (refs: ManifestReference[]): Uint8Array => {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<asic:ASiCManifest xmlns:asic="${ASIC_NS}" xmlns:ds="${DS_NS}">`,
    `  <asic:SigReference URI="${SIGNATURE_PATH}" MimeType="application/pkcs7-signature"/>`,
  ];
  for (const r of refs) {
    lines.push(
      `  <asic:DataObjectReference URI="${escapeAttr(r.uri)}" MimeType="${escapeAttr(r.mimeType)}">`,
      `    <ds:DigestMethod Algorithm="${SHA256_URI}"/>`,
      `    <ds:DigestValue>${Buffer.from(r.sha256, 'hex').toString('base64')}</ds:DigestValue>`,
      '  </asic:DataObjectReference>',
    );
  }
  lines.push('</asic:ASiCManifest>', '');
  return new TextEncoder().encode(lines.join('\n'));
};
