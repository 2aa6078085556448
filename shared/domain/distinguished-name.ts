/**
 * A certificate's distinguished name as people read it: "CN=Nguyễn Văn An, T=Chánh Văn phòng, O=UBND phường
 * …, L=Hải Phòng, C=VN" (RFC 4514 text as @peculiar/x509 prints it: "\," escapes, optional "…" quoting) →
 * name, title, organisation, place. Display only: nothing is decided from it.
 */
export type DnAttribute = { type: string; value: string };

/** Splits on unescaped commas (and "+" of multi-valued RDNs), undoing "\," / "\+" / "\\" / "\XX" escapes and quotes. */
export const parseDn = (text: string): DnAttribute[] => {
  const out: DnAttribute[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text[i] === ' ') i++;
    let type = '';
    while (i < n && text[i] !== '=') type += text[i++];
    i++; // '='
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        value += text[i++];
      }
      i++;
      while (i < n && text[i] !== ',' && text[i] !== '+') i++;
    } else {
      const bytes: number[] = [];
      const flush = () => {
        if (bytes.length) value += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
      };
      while (i < n && text[i] !== ',' && text[i] !== '+') {
        if (text[i] === '\\' && i + 1 < n) {
          const hex = text.slice(i + 1, i + 3);
          if (/^[0-9a-fA-F]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 3;
            continue;
          }
          flush();
          value += text[i + 1];
          i += 2;
          continue;
        }
        flush();
        value += text[i++];
      }
      flush();
    }
    i++; // ',' or '+'
    if (type.trim()) out.push({ type: type.trim().toUpperCase(), value: value.trim() });
  }
  return out;
};

export type PersonName = { name: string; title: string | null; organisation: string | null; place: string | null };

const TITLE = new Set(['T', 'TITLE', '2.5.4.12']);

/** Who a subject DN names: CN; title (T); organisation (OU then O, most specific first); locality, province. */
export const personOf = (dn: string): PersonName => {
  const attrs = parseDn(dn);
  const all = (...types: string[]) => attrs.filter((a) => types.includes(a.type) && a.value).map((a) => a.value);
  const join = (xs: string[]) => (xs.length ? xs.join(', ') : null);
  return {
    name: all('CN')[0] ?? join(all('O')) ?? dn,
    title: join(attrs.filter((a) => TITLE.has(a.type) && a.value).map((a) => a.value)),
    organisation: join(all('OU', 'O')),
    place: join(all('L', 'ST')),
  };
};
