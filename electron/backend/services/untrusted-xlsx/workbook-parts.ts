import { posix } from 'node:path';

import type { Entry, ZipFile } from 'yauzl';

import { kindOfFormatId } from './cell-formats';
import type { CellKind } from './cell-formats';
import type { XlsxLimits } from './limits';
import { XlsxRefusal } from './refusal';
import { streamXml } from './xml-stream';
import type { InflateBudget } from './xml-stream';

/** The parts of a workbook other than its sheets: sheet list, relationships, styles, shared strings. */

export type PartReader = { zip: ZipFile; entries: Map<string, Entry>; limits: XlsxLimits; budget: InflateBudget };
export type SheetRef = { name: string; path: string };

const entryOf = (r: PartReader, path: string): Entry | undefined => r.entries.get(path);

const required = (r: PartReader, path: string): Entry => {
  const e = entryOf(r, path);
  if (!e) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `missing ${path}` });
  return e;
};

/** An attribute by local name whatever its prefix (r:id, x:r…); `prefixed` asks for a namespaced one. */
const attr = (attrs: Record<string, string>, name: string, prefixed = false): string | undefined => {
  for (const [k, v] of Object.entries(attrs)) {
    const i = k.indexOf(':');
    if ((prefixed ? i > 0 : true) && k.slice(i + 1) === name && (!prefixed || !k.startsWith('xmlns'))) return v;
  }
  return undefined;
};

/** Relationship targets of xl/workbook.xml, resolved to zip paths. */
const readRels = async (r: PartReader): Promise<Map<string, string>> => {
  const rels = new Map<string, string>();
  const e = entryOf(r, 'xl/_rels/workbook.xml.rels');
  if (!e) return rels;
  await streamXml(r.zip, e, {
    open: (t) => {
      if (t.name !== 'Relationship') return;
      const id = t.attrs.Id;
      const target = t.attrs.Target;
      if (!id || !target) return;
      rels.set(id, target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
    },
  }, r.limits, r.budget);
  return rels;
};

/** The sheets in workbook order with their zip paths, and the date system. */
export const readWorkbook = async (r: PartReader): Promise<{ sheets: SheetRef[]; date1904: boolean }> => {
  const rels = await readRels(r);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  await streamXml(r.zip, required(r, 'xl/workbook.xml'), {
    open: (t) => {
      if (t.name === 'workbookPr') date1904 = ['1', 'true'].includes(t.attrs.date1904 ?? '');
      if (t.name !== 'sheet') return;
      const name = (t.attrs.name ?? '').normalize('NFC');
      const rid = attr(t.attrs, 'id', true);
      const path = rid ? rels.get(rid) : undefined;
      if (!path || !r.entries.has(path)) throw new XlsxRefusal('XLSX_MALFORMED', { detail: `sheet "${name}" has no part` });
      sheets.push({ name, path });
    },
  }, r.limits, r.budget);
  if (sheets.length === 0) throw new XlsxRefusal('XLSX_MALFORMED', { detail: 'no sheets' });
  return { sheets, date1904 };
};

/** Cell style index (the `s` attribute of <c>) → what its number format makes of a number. */
export const readStyles = async (r: PartReader): Promise<CellKind[]> => {
  const e = entryOf(r, 'xl/styles.xml');
  if (!e) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  await streamXml(r.zip, e, {
    open: (t) => {
      if (t.name === 'numFmt') custom.set(Number(t.attrs.numFmtId), t.attrs.formatCode ?? '');
      else if (t.name === 'cellXfs') inCellXfs = true;
      else if (t.name === 'xf' && inCellXfs) {
        if (xfIds.length >= r.limits.maxSharedStrings) throw new XlsxRefusal('XLSX_TOO_COMPLEX');
        xfIds.push(Number(t.attrs.numFmtId ?? 0));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }, r.limits, r.budget);
  return xfIds.map((id) => kindOfFormatId(id, custom));
};

/** The shared-string table; rich text runs joined, phonetic runs (<rPh>) left out, NFC. */
export const readSharedStrings = async (r: PartReader): Promise<string[]> => {
  const e = entryOf(r, 'xl/sharedStrings.xml');
  if (!e) return [];
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let inPhonetic = 0;
  await streamXml(r.zip, e, {
    open: (t) => {
      if (t.name === 'si') {
        if (out.length >= r.limits.maxSharedStrings) throw new XlsxRefusal('XLSX_TOO_MANY_CELLS', { max: r.limits.maxSharedStrings });
        current = [];
      } else if (t.name === 'rPh') inPhonetic++;
      else if (t.name === 't') inT = true;
    },
    close: (name) => {
      if (name === 'si' && current) {
        out.push(current.join('').normalize('NFC'));
        current = null;
      } else if (name === 'rPh') inPhonetic--;
      else if (name === 't') inT = false;
    },
    text: (s) => {
      if (inT && current && inPhonetic === 0) current.push(s);
    },
  }, r.limits, r.budget);
  return out;
};
