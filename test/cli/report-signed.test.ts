import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../electron/cli/main';
import { callOk, createTestBackend, makeTempDir } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import type { TestPki } from '../helpers/pki';
import { fillFromExample } from '../backend/bundle/stored-assessment';
import { expectValidPades } from '../backend/pades/checks';
import { encodePng, sealPng, signaturePng } from '../backend/pades/fixtures';
import { nssDbTrusting, pdftotext } from '../backend/pades/tools';

/** `cchc report … --p12 … --password-env …` signs the final report; without --p12 the PDF stays unsigned. */

let pki: TestPki;
let nssDir: string;
let b: TestBackend | undefined;
beforeAll(async () => {
  pki = await createTestPki();
  nssDir = nssDbTrusting(pki.caFile);
}, 60_000);
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

const run = async (argv: string[], cwd: string, env: NodeJS.ProcessEnv = { P12_PASS: ASCII_PASSWORD }) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const unsignedPart = (pdf: Buffer): Buffer => pdf.subarray(0, pdf.indexOf('%%EOF') + '%%EOF'.length + 1);

describe('cchc report --p12', () => {
  it('signs the stored final report with the profile images, with the image flags, as text without images; unsigned without --p12', async () => {
    b = createTestBackend();
    const a = await fillFromExample(b);
    const dir = makeTempDir('cchc-cli-signed-');
    writeFileSync(join(dir, 'chu-ky.png'), signaturePng());
    writeFileSync(join(dir, 'con-dau.png'), sealPng());
    const upload = (name: string) => b!.ctx.uploads.register(join(dir, name), name, readFileSync(join(dir, name)).length).id;
    await callOk(b, 'unit.setSignatureImage', { kind: 'signature', uploadId: upload('chu-ky.png') });
    await callOk(b, 'unit.setSignatureImage', { kind: 'seal', uploadId: upload('con-dau.png') });
    b.close();
    const base = ['report', '--data', b.dataDir, '--assessment', a.id, '--format', 'pdf'];
    const sign = ['--p12', pki.p12.modernAscii, '--password-env', 'P12_PASS'];
    const imagesIn = (pdf: Buffer) => pdf.subarray(unsignedPart(pdf).length).toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0;

    const fromProfile = await run([...base, '--out', 'ho-so.pdf', ...sign], dir);
    expect(fromProfile.err).toBe('');
    expect(fromProfile.code).toBe(0);
    expect(fromProfile.out).toContain('đã ký số');
    const signed = readFileSync(join(dir, 'ho-so.pdf'));
    await expectValidPades(signed, unsignedPart(signed), { nssDir, caFile: pki.caFile }, { sameText: true });
    expect(imagesIn(signed)).toBe(4); // signature and seal, each with its alpha mask

    const fromFlags = await run([...base, '--out', 'anh.pdf', ...sign, '--signature-image', 'chu-ky.png', '--seal-image', 'con-dau.png', '--seal-width', '40'], dir);
    expect(fromFlags.code).toBe(0);
    const flagged = readFileSync(join(dir, 'anh.pdf'));
    await expectValidPades(flagged, unsignedPart(flagged), { nssDir, caFile: pki.caFile }, { sameText: true });
    expect(imagesIn(flagged)).toBe(4);

    const unsigned = await run([...base, '--out', 'khong-ky.pdf'], dir);
    expect(unsigned.code).toBe(0);
    const plain = readFileSync(join(dir, 'khong-ky.pdf'));
    expect(plain.toString('latin1')).not.toContain('/ByteRange');
    expect(pdftotext(plain)).toBe(pdftotext(unsignedPart(signed)));
  }, 180_000);

  it('text-only without images; refuses bad combinations (exit 2), a wrong password, an image without transparency, a missing variable (nothing written)', async () => {
    const dir = makeTempDir('cchc-cli-signed-bad-');
    writeFileSync(join(dir, 'chu-ky.png'), signaturePng());
    writeFileSync(join(dir, 'opaque.png'), encodePng(40, 20, () => [0, 0, 255, 255], 2));
    const base = ['report', '--set', 'hp-2025-so', '--answers', 'answers.json', '--format', 'pdf', '--out', 'x.pdf'];
    const sign = ['--p12', pki.p12.modernAscii, '--password-env', 'P12_PASS'];
    const usage = async (extra: string[], message: string) => {
      const r = await run([...base, ...extra], dir);
      expect([r.code, r.err.split('\n')[0]]).toEqual([2, message]);
    };
    await usage([...sign, '--draft'], 'Bản dự thảo (--draft) không được ký số: chỉ ký báo cáo chính thức');
    await usage(['--signature-image', 'chu-ky.png'], '--signature-image chỉ dùng cùng --p12');
    await usage(['--p12', pki.p12.modernAscii], 'Thiếu --password-env (tên biến môi trường chứa mật khẩu tệp .p12)');
    await usage([...sign, '--seal-image', 'chu-ky.png'], '--seal-image cần --signature-image (con dấu đóng trùm lên chữ ký)');
    const xlsx = await run(['report', '--set', 'hp-2025-so', '--answers', 'answers.json', '--format', 'xlsx', '--out', 'x.xlsx', ...sign], dir);
    expect([xlsx.code, xlsx.err.split('\n')[0]]).toEqual([2, 'Chỉ báo cáo PDF (--format pdf) được ký số']);

    b = createTestBackend();
    const a = await fillFromExample(b);
    b.close();
    const stored = ['report', '--data', b.dataDir, '--assessment', a.id, '--format', 'pdf', '--out', 'y.pdf', ...sign];
    // A profile without images: the text-only appearance.
    const text = await run(['report', '--data', b.dataDir, '--assessment', a.id, '--format', 'pdf', '--out', 'chu.pdf', ...sign], dir);
    expect(text.code).toBe(0);
    const textPdf = readFileSync(join(dir, 'chu.pdf'));
    await expectValidPades(textPdf, unsignedPart(textPdf), { nssDir, caFile: pki.caFile });
    expect(pdftotext(textPdf)).toContain('Ký bởi: Phạm Văn Đông');

    expect(await run([...stored, '--signature-image', 'opaque.png'], dir)).toMatchObject({ code: 1, err: 'Lỗi: Ảnh chữ ký không có nền trong suốt (PNG cần kênh alpha).' });
    expect(await run(stored, dir, { P12_PASS: 'sai mật khẩu' })).toMatchObject({ code: 1, err: 'Lỗi: Mật khẩu của tệp chứng thư số (.p12/.pfx) không đúng.' });
    expect(await run(stored, dir, {})).toMatchObject({ code: 2 });
    expect(() => readFileSync(join(dir, 'y.pdf'))).toThrow(/ENOENT/);
  }, 120_000);
});
