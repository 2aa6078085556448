import { fail } from './failure';

export type ExtraField = { id: number; data: Buffer };

export const EXTRA_ZIP64 = 0x0001;

/**
 * Extra fields a bundle may carry: ZIP64 sizes (our writer, yazl), the Info-ZIP extended timestamp (yazl),
 * NTFS times and Info-ZIP Unix uid/gid (zip tools). None of them can change an entry's name or data.
 * Everything else is refused, first of all the Info-ZIP Unicode Path field (0x7075), which makes yauzl and
 * unzip show another name than the central directory's bytes, and the Unicode Comment field (0x6375).
 */
export const ALLOWED_EXTRA_IDS: ReadonlySet<number> = new Set([EXTRA_ZIP64, 0x5455, 0x000a, 0x7875]);

const hex4 = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;

/**
 * Parses an extra-field block strictly: the (id, length, data) records must tile it exactly (yauzl ignores
 * up to three trailing bytes), every id must be allowed and appear once.
 */
export const parseExtraFields = (raw: Buffer, where: string): ExtraField[] => {
  const out: ExtraField[] = [];
  const seen = new Set<number>();
  let i = 0;
  while (i < raw.length) {
    if (i + 4 > raw.length) fail('E_EXTRA_FIELD', `${where}: ${raw.length - i} stray bytes in the extra field`);
    const id = raw.readUInt16LE(i);
    const len = raw.readUInt16LE(i + 2);
    if (i + 4 + len > raw.length) fail('E_EXTRA_FIELD', `${where}: extra field ${hex4(id)} overruns its block`);
    if (!ALLOWED_EXTRA_IDS.has(id)) fail('E_EXTRA_FIELD', `${where}: extra field ${hex4(id)} is not allowed`);
    if (seen.has(id)) fail('E_EXTRA_FIELD', `${where}: extra field ${hex4(id)} appears twice`);
    seen.add(id);
    out.push({ id, data: raw.subarray(i + 4, i + 4 + len) });
    i += 4 + len;
  }
  return out;
};
