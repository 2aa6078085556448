import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { z } from 'zod';

import { roundDeadlinesSchema, roundUnitSchema } from '../../../shared/schemas/round';
import { UNIT_CODE_RE, UNIT_TYPES } from '../../../shared/schemas/unit';
import type { UnitType } from '../../../shared/schemas/unit';
import { PROJECT_ROOT } from '../../backend/project-root';
import { selfCheckTrust } from '../../backend/services/bundle/export-assessment';
import { uuidV7 } from '../../backend/services/bundle/submission-builder';
import { addCrlFiles, loadTrustStore } from '../../backend/services/bundle/verify/trust';
import { verifyPackage } from '../../backend/services/bundle/verify/verify-bundle';
import { APP_NAME } from '../../backend/services/round/export-round';
import { packRound } from '../../backend/services/round/round-package';
import type { CliCommand } from '../types';
import { parseFlags, UsageError } from '../types';
import { loadSet, openSigner } from './pack';
import { printVerifyResult } from './verify';

const USAGE =
  'round pack --round <định-nghĩa.json> (--p12 <tệp> --password-env <BIẾN> | --pkcs11 <thư viện> --pin-env <BIẾN> [--token <serial>]) ' +
  '--out <tệp.asice> [--trust <pem|thư mục>] [--crl <tệp>]';

/** The definition file is read whole: capped before parsing. */
const MAX_DEFINITION_BYTES = 4 * 1_048_576;

/**
 * What `round pack` reads: the round as Sở Nội vụ decided it, each block's set by shipped id or file path
 * (relative to the definition's folder). roundId/revision given = a re-export of a known round.
 */
const definitionSchema = z
  .object({
    roundId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/).optional(),
    revision: z.number().int().min(1).max(10_000).optional(),
    year: z.number().int().min(2000).max(2100),
    issuer: z.object({ code: z.string().max(40).regex(UNIT_CODE_RE), name: z.string().min(1).max(500) }).strict(),
    sets: z.partialRecord(z.enum(UNIT_TYPES), z.string().min(1).max(500)),
    units: z.array(roundUnitSchema).max(5000),
    deadlines: roundDeadlinesSchema,
  })
  .strict();

export const roundPackCommand: CliCommand = {
  name: 'round pack',
  summary: 'Tạo gói đợt đánh giá đã ký số (Sở Nội vụ gửi các đơn vị): năm, bộ chỉ số chính thức từng khối, danh sách đơn vị, thời hạn.',
  usage: USAGE,
  run: async (args, io) => {
    const { flags } = parseFlags(args, { values: ['round', 'p12', 'password-env', 'pkcs11', 'pin-env', 'token', 'out', 'trust', 'crl'] });
    if (!flags.round || !flags.out) throw new UsageError('Cần --round và --out');
    const defFile = resolve(io.cwd, flags.round);
    if (statSync(defFile).size > MAX_DEFINITION_BYTES) throw new UsageError(`Tệp định nghĩa đợt lớn hơn ${MAX_DEFINITION_BYTES} byte`);
    const parsed = definitionSchema.safeParse(JSON.parse(readFileSync(defFile, 'utf8').replace(/^\uFEFF/, '')));
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new UsageError(`Tệp định nghĩa đợt không hợp lệ (${i?.path.join('.') ?? ''}): ${i?.message ?? ''}`);
    }
    const d = parsed.data;
    const baseDir = resolve(defFile, '..');
    const sets = (Object.entries(d.sets) as [UnitType, string][]).map(([block, ref]) => ({ block, set: loadSet(ref, baseDir) }));
    const trust = flags.trust ? loadTrustStore(resolve(io.cwd, flags.trust)) : null;
    if (trust && flags.crl) addCrlFiles(trust, [resolve(io.cwd, flags.crl)]);
    const signer = await openSigner(flags, io);
    try {
      const now = new Date();
      const check = selfCheckTrust(signer, trust);
      const res = await packRound({
        out: resolve(io.cwd, flags.out),
        draft: { roundId: d.roundId ?? uuidV7(now.getTime()), revision: d.revision ?? 1, year: d.year, issuer: d.issuer, sets, units: d.units, deadlines: d.deadlines },
        app: { name: APP_NAME, version: JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version as string },
        signer,
        now,
        verify: async (file) => (await verifyPackage(file, { trust: check, now, expectKind: 'round' })).result,
      });
      io.out(`Đã ghi ${res.path} (${res.size} byte, SHA-256 ${res.sha256}); mã đợt ${res.round.roundId}, lần ${res.round.revision}`);
      if (res.verification) printVerifyResult(res.verification, io);
      return 0;
    } finally {
      await signer.close();
    }
  },
};
