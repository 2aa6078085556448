import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { detectFileKind, HEAD_BYTES } from '../../../electron/backend/services/evidence/detect';
import { AppFailure } from '../../../shared/ipc/result';
import { makeTempDir } from '../../helpers/backend';
import { docxBytes, exeBytes, jpgBytes, odfBytes, oleBytes, pdfBytes, pngBytes, xlsxBytes, zipBytes } from './fixtures';

const dir = makeTempDir('cchc-detect-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const detect = async (data: Buffer, name = 'tep.bin') => {
  const p = join(dir, `f${n++}`);
  writeFileSync(p, data);
  return detectFileKind(p, data.subarray(0, HEAD_BYTES), name);
};

const refusal = async (data: Buffer, name = 'tep.pdf'): Promise<AppFailure> => {
  const e = await detect(data, name).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppFailure);
  return e as AppFailure;
};

describe('file type by content, not by name', () => {
  it('recognises every accepted kind whatever the extension says', async () => {
    expect(await detect(pdfBytes(), 'anh.jpg')).toBe('pdf');
    expect(await detect(Buffer.concat([Buffer.from('junk before header '), pdfBytes()]))).toBe('pdf');
    expect(await detect(pngBytes(), 'x.pdf')).toBe('png');
    expect(await detect(jpgBytes(), 'x.png')).toBe('jpg');
    expect(await detect(await docxBytes(), 'x.zip')).toBe('docx');
    expect(await detect(await xlsxBytes(), 'x.docx')).toBe('xlsx');
    expect(await detect(await odfBytes('text'), 'x.zip')).toBe('odt');
    expect(await detect(await odfBytes('spreadsheet'))).toBe('ods');
    expect(await detect(await zipBytes([{ name: 'a.txt', data: 'xin chào' }]), 'x.docx')).toBe('zip');
    expect(await detect(oleBytes('WordDocument'), 'x.xls')).toBe('doc');
    expect(await detect(oleBytes('Workbook'), 'x.doc')).toBe('xls');
  });

  it('refuses a Windows executable renamed to .pdf, and an ELF binary', async () => {
    expect((await refusal(exeBytes(), 'Quyết định.pdf')).code).toBe('BAD_FILE');
    expect((await refusal(Buffer.from('\x7fELF\x02\x01\x01rest', 'latin1'), 'a.docx')).message).toMatch(/chương trình/);
  });

  it('refuses unknown content, empty files, broken zips and other OLE files', async () => {
    expect((await refusal(Buffer.from('plain text pretending to be a PDF'))).message).toMatch(/không được hỗ trợ/);
    expect((await refusal(Buffer.alloc(0))).message).toMatch(/rỗng/);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    expect((await refusal(broken, 'x.docx')).message).toMatch(/bị hỏng/);
    expect((await refusal(oleBytes('__substg1.0_0037001F'), 'thu.msg')).message).toMatch(/không phải Word/);
  });
});
