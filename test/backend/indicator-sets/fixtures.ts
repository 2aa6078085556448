import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { callOk, createTestBackend } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

export const SETS = fileURLToPath(new URL('../../../resources/indicator-sets/', import.meta.url));
export const EVIDENCE = fileURLToPath(new URL('../../../resources/examples/evidence/', import.meta.url));

export const unit = {
  name: 'Sở Tư pháp thành phố Hải Phòng',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Trần Văn An', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Lê Thị Bình', title: 'Giám đốc', phone: '', email: '' },
};

type RawNode = { id: string; code: string; method?: Record<string, unknown>; continuesFrom?: string | null; children?: RawNode[] };
type RawSet = Record<string, unknown> & { nodes: RawNode[] };

export const readShipped = (id: string): RawSet => JSON.parse(readFileSync(join(SETS, `${id}.json`), 'utf8')) as RawSet;

const eachNode = (nodes: RawNode[], f: (n: RawNode) => void): void =>
  nodes.forEach((n) => {
    f(n);
    if (n.children) eachNode(n.children, f);
  });

/**
 * "Next year's" set: the 2025 sở set renumbered so26-*, every leaf continuing its 2025 node, except 1.4 (no
 * mapping), 1.6 (continues a node 2025 does not have) and 1.2 (method changed COUNT_DEDUCT → MANUAL).
 */
export const set2026 = (): RawSet => {
  const s = readShipped('hp-2025-so');
  s.id = 'hp-2026-so';
  s.name = 'Bộ chỉ số CCHC sở, ban, ngành năm 2026 (thử nghiệm)';
  s.year = 2026;
  s.version = '2026.1';
  s.previousSetId = 'hp-2025-so';
  s.sourceDecision = { number: '99/QĐ-UBND', date: '2026-01-15', issuer: 'UBND thành phố Hải Phòng' };
  eachNode(s.nodes, (n) => {
    const old = n.id;
    n.id = old.replace(/^so25-/, 'so26-');
    if (!n.children) n.continuesFrom = old;
  });
  eachNode(s.nodes, (n) => {
    if (n.code === '1.4') n.continuesFrom = null;
    if (n.code === '1.6') n.continuesFrom = 'so25-khong-co';
    if (n.code === '1.2') n.method = { type: 'MANUAL', step: 0.25 };
  });
  return s;
};

export const setupBackend = async (dataDir?: string): Promise<TestBackend> => {
  const b = createTestBackend(dataDir ? { dataDir } : {});
  await callOk(b, 'unit.save', unit);
  return b;
};

export const upload = (b: TestBackend, name: string, data: Buffer | string): string => {
  const p = join(b.dataDir, 'tmp', `up-${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(p, data);
  return b.ctx.uploads.register(p, name, Buffer.byteLength(data)).id;
};

export const importJson = (b: TestBackend, set: unknown, name = 'bo-chi-so.json') =>
  b.call('indicatorSets.import', { source: { kind: 'upload', uploadId: upload(b, name, JSON.stringify(set)) } });
