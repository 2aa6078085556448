import type { RegistryExportResult, TemplateImportReport } from '../../../../shared/ipc/channels/registry';
import { AppFailure } from '../../../../shared/ipc/result';
import { step } from '../../../../shared/domain/progress-steps';
import type { BackendContext } from '../../context';
import { insertSigner, insertYear, listRegistrySigners, listRegistryUnits, registryUnitCodeOf, upsertRegistryUnit } from '../../db/repos/registry-repo';
import { inTransaction } from '../../db/transaction';
import { loadRegistryXlsx } from '../office-loader';
import { readUntrustedXlsx } from '../untrusted-xlsx/index';
import { writeFileAtomicSync } from '../../storage/atomic-write';
import type { JobControl } from '../../jobs';
import { appraiserOf, audit, requireOpenYear } from './register';
import { isListedActive } from './signer-check';
import { MAX_TEMPLATE_SIGNERS, parseTemplate, templateSheets } from './template';

/** An Excel template is a few hundred rows; anything bigger is refused before it is opened (the handler reads at most this). */
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

/**
 * Imports the unit list and signers of a year from the Excel template: every problem is reported by sheet,
 * row and column, and while any remains NOTHING is stored. Otherwise the year is opened, units are added or
 * corrected (name, block) and the listed certificates registered, in one transaction with one audit record.
 */
export const importTemplate = async (ctx: BackendContext, year: number, file: { name: string; data: Uint8Array }): Promise<TemplateImportReport> => {
  let sheets;
  try {
    // The hardened reader: zip directory limits first, then a heap-capped worker process (docs/security.md).
    sheets = (await readUntrustedXlsx(file.data, { maxFileBytes: MAX_TEMPLATE_BYTES, maxRows: MAX_TEMPLATE_SIGNERS + 20, maxColumns: 30 }, ctx.workerLauncher)).sheets;
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    throw AppFailure.of('REGISTRY_TEMPLATE_UNREADABLE', { name: file.name });
  }
  const parsed = parseTemplate(sheets);
  const report = { fileName: file.name, year, units: parsed.units.length, signers: parsed.signers.length, problems: parsed.problems };
  if (parsed.problems.length > 0) return { ...report, applied: false };
  const at = ctx.now().toISOString();
  const who = appraiserOf(ctx);
  inTransaction(ctx.db, () => {
    insertYear(ctx.db, year, at, who);
    // A code the register already has in another case is that unit, under the register's spelling.
    const code = (c: string) => registryUnitCodeOf(ctx.db, year, c) ?? c;
    for (const u of parsed.units) upsertRegistryUnit(ctx.db, { year, ...u, code: code(u.code), addedAt: at });
    for (const s of parsed.signers) insertSigner(ctx.db, { year, ...s, unitCode: code(s.unitCode), source: 'template', addedAt: at, addedBy: who });
    audit(ctx, { action: 'IMPORT_TEMPLATE', year, unitCode: '', sha256: '', detail: `${file.name}: ${parsed.units.length} đơn vị, ${parsed.signers.length} người ký` });
  });
  return { ...report, applied: true };
};

/** The year's register as the template (active signers only), to the save dialog or a download. */
export const exportTemplate = async (ctx: BackendContext, year: number, ctl: JobControl): Promise<RegistryExportResult> => {
  requireOpenYear(ctx, year);
  const defaultName = `so-dang-ky-don-vi-${year}.xlsx`;
  ctl.progress(0, 2, step('CHOOSE_TARGET'));
  const target = await ctx.host.chooseSaveTarget({ title: { vi: 'Lưu mẫu Excel Sổ đăng ký', en: 'Save the register’s Excel template' }, defaultName, filters: [{ name: { vi: 'Bảng tính Excel', en: 'Excel spreadsheet' }, extensions: ['xlsx'] }] });
  if (!target) throw AppFailure.of('REGISTRY_EXPORT_CANCELLED');
  ctl.throwIfCancelled();
  ctl.progress(1, 2, step('MAKING_SHEET'));
  const now = ctx.now();
  const units = listRegistryUnits(ctx.db, year);
  const signers = listRegistrySigners(ctx.db, year).filter((s) => isListedActive(s, now));
  const { writeXlsxSheets } = await loadRegistryXlsx();
  const data = await writeXlsxSheets(templateSheets(units, signers), now);
  ctl.throwIfCancelled();
  writeFileAtomicSync(target.path, data);
  ctl.progress(2, 2, step('DONE'));
  const name = target.path.split(/[\\/]/).pop() ?? defaultName;
  return { fileName: target.downloadId ? defaultName : name, sizeBytes: data.length, ...(target.downloadId ? { downloadId: target.downloadId } : {}) };
};
