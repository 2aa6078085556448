import { Z_FULL_FLUSH, constants, deflateRawSync } from 'node:zlib';

import type { RawEntry } from '../bundle/raw-zip';
import { writeRawZip } from '../bundle/raw-zip';

/**
 * Hostile workbooks built byte by byte (no exceljs): a valid package skeleton around a sheet part whose
 * deflate stream, declared sizes and markup the test chooses.
 */

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/></Types>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
export const SHEET_OPEN = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

const part = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text, 'utf8'), method: 8 });

/** A workbook with one sheet "Dữ liệu" whose part is `sheet` (a ready entry, so its sizes may lie). */
export const workbookWith = (sheet: Omit<RawEntry, 'name'>): Buffer =>
  writeRawZip([part('[Content_Types].xml', CONTENT_TYPES), part('xl/workbook.xml', WORKBOOK), part('xl/_rels/workbook.xml.rels', RELS), { name: 'xl/worksheets/sheet1.xml', ...sheet }]);

/** The same with an honest, normally deflated sheet part. */
export const workbookOfSheetXml = (xml: string): Buffer => workbookWith({ data: Buffer.from(xml, 'utf8'), method: 8 });

/**
 * A raw deflate stream of `head`, then `repeat` copies of `unit`, then `tail`, built without ever holding
 * the inflated data: `unit` is deflated once as a byte-aligned, non-final block (full flush) and that block
 * is repeated; deflate needs no state across a full flush. 1 MiB of one repeated byte deflates to ~1 KiB,
 * so 2 GiB cost about 2 MiB.
 */
export const repeatedDeflate = (head: string, unit: Buffer, repeat: number, tail: string): Buffer => {
  const flushBlock = (b: Buffer): Buffer => deflateRawSync(b, { level: 9, finishFlush: Z_FULL_FLUSH });
  const headBlock = flushBlock(Buffer.from(head, 'utf8'));
  const unitBlock = flushBlock(unit);
  const tailBlock = deflateRawSync(Buffer.from(tail, 'utf8'), { level: 9, finishFlush: constants.Z_FINISH });
  return Buffer.concat([headBlock, ...Array.from({ length: repeat }, () => unitBlock), tailBlock]);
};

/**
 * `n` rows of one numbered cell, without row/cell references (they are optional in SpreadsheetML): ~31 bytes
 * a row, so a million rows are 31 MB that deflate ~12:1 into a 2.6 MB file — inside every size and ratio
 * limit, so only the row limit can stop it. `dimension` adds the declared extent.
 */
export const manyRowsXml = (n: number, dimension: boolean): string => {
  const parts: string[] = [SHEET_OPEN, dimension ? `<dimension ref="A1:A${n}"/>` : '', '<sheetData>'];
  for (let r = 1; r <= n; r++) parts.push(`<row><c><v>${r}</v></c></row>`);
  parts.push('</sheetData></worksheet>');
  return parts.join('');
};
