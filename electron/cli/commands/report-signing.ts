import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

import type { ReportModel } from '../../../shared/domain/report/model';
import { AppFailure } from '../../../shared/ipc/result';
import { SEAL_WIDTH_MM } from '../../../shared/schemas/unit';
import type { SignatureImageKind } from '../../../shared/schemas/unit';
import { loadSignedReportBuilder } from '../../backend/services/office-loader';
import { validatePng } from '../../backend/services/pades/png-image';
import { openP12Signer } from '../../backend/services/signing/p12-signer';
import { assertSignerUsable } from '../../backend/services/signing/signer-policy';
import type { AppearanceImages } from '../../backend/services/unit/signature-images';
import { IMAGE_PHRASE, MAX_IMAGE_BYTES } from '../../backend/services/unit/signature-images';
import type { CliIo } from '../types';
import { UsageError } from '../types';

/**
 * `cchc report … --format pdf --p12 <tệp> --password-env <BIẾN>`: the final report signed as PAdES
 * (services/report/signed-pdf.ts, the same code as the bundle's report.pdf). Images come from the flags,
 * else (with --data) from the unit profile; without them the text-only appearance.
 */

export const SIGNING_FLAGS = ['p12', 'password-env', 'signature-image', 'seal-image', 'seal-width'] as const;

/** A .p12 is a few KB; anything larger is refused before reading (as the app does, signing/open-key.ts). */
const MAX_P12_BYTES = 1024 * 1024;

const readLimited = (path: string, max: number, tooLarge: () => AppFailure): Buffer => {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new UsageError(`Không đọc được tệp ${path}`);
  }
  if (size > max) throw tooLarge();
  return readFileSync(path);
};

const imageFrom = (io: CliIo, file: string, kind: SignatureImageKind): Buffer => {
  const data = readLimited(resolve(io.cwd, file), MAX_IMAGE_BYTES, () =>
    AppFailure.of('PNG_TOO_LARGE', { image: IMAGE_PHRASE[kind], max: MAX_IMAGE_BYTES }, { reason: 'TOO_MANY_BYTES' }),
  );
  validatePng(data, IMAGE_PHRASE[kind]);
  return data;
};

/** Checks the flag combination; null when the report is not to be signed. */
export const signingRequest = (flags: Record<string, string>, format: string, draft: boolean): Record<string, string> | null => {
  if (!flags.p12) {
    const stray = SIGNING_FLAGS.find((f) => f !== 'p12' && flags[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} chỉ dùng cùng --p12`);
    return null;
  }
  if (format !== 'pdf') throw new UsageError('Chỉ báo cáo PDF (--format pdf) được ký số');
  if (draft) throw new UsageError('Bản dự thảo (--draft) không được ký số: chỉ ký báo cáo chính thức');
  if (!flags['password-env']) throw new UsageError('Thiếu --password-env (tên biến môi trường chứa mật khẩu tệp .p12)');
  if (flags['seal-image'] && !flags['signature-image']) throw new UsageError('--seal-image cần --signature-image (con dấu đóng trùm lên chữ ký)');
  if (flags['seal-width'] !== undefined && !flags['seal-image']) throw new UsageError('--seal-width chỉ dùng cùng --seal-image');
  return flags;
};

const sealWidth = (raw: string | undefined): number => {
  if (raw === undefined) return SEAL_WIDTH_MM.default;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < SEAL_WIDTH_MM.min || n > SEAL_WIDTH_MM.max) {
    throw new UsageError(`--seal-width phải là số nguyên từ ${SEAL_WIDTH_MM.min} đến ${SEAL_WIDTH_MM.max} (mm)`);
  }
  return n;
};

/** Images from the flags; without --signature-image, `fallback` (the unit profile's, or none). */
const imagesFrom = (flags: Record<string, string>, io: CliIo, fallback: AppearanceImages): AppearanceImages => {
  if (!flags['signature-image']) return fallback;
  const width = sealWidth(flags['seal-width']);
  return {
    signatureImage: imageFrom(io, flags['signature-image'], 'signature'),
    seal: flags['seal-image'] ? { image: imageFrom(io, flags['seal-image'], 'seal'), widthMm: width } : null,
  };
};

/** Opens the .p12 (password from the environment, never the command line), signs, closes. */
export const signReportForCli = async (
  model: ReportModel,
  flags: Record<string, string>,
  io: CliIo,
  o: { profileImages: AppearanceImages; resourcesDir: string },
): Promise<Uint8Array> => {
  const name = flags['password-env']!;
  const password = io.env[name];
  if (password === undefined) throw new UsageError(`Biến môi trường ${name} chưa được đặt`);
  const images = imagesFrom(flags, io, o.profileImages);
  const p12 = readLimited(resolve(io.cwd, flags.p12!), MAX_P12_BYTES, () => AppFailure.of('P12_FILE_UNREADABLE'));
  const signer = await openP12Signer(p12, password);
  try {
    const now = new Date();
    assertSignerUsable(signer, now);
    return await (await loadSignedReportBuilder())(model, { signer, signingTime: now, images, resourcesDir: o.resourcesDir });
  } finally {
    await signer.close();
  }
};
