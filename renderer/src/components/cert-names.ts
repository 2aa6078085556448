/** "CN=Root CA, O=…" → "Root CA" (the whole DN when there is no CN). Used by the trust and backup pages. */
export const commonName = (dn: string): string => /(?:^|,\s*)CN=((?:\\,|[^,])+)/.exec(dn)?.[1]?.trim() ?? dn;
