/**
 * Every certificate in a PEM text (several blocks allowed) or a single DER blob, not parsed. No ASN.1 library
 * here: reading the trust store (bundle/verify/trust.ts, on every import) then does not load pkijs and
 * @peculiar/x509 into the importing process, whose verification runs in the worker (docs/performance.md
 * "Batch import").
 */
export const readCertificates = (data: Uint8Array): Uint8Array[] => {
  const text = Buffer.from(data).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const out: Uint8Array[] = [];
    const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
    return out;
  }
  return [new Uint8Array(data)];
};
