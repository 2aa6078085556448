import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Assessment } from '../../../shared/schemas/assessment';
import { EMPTY_REPORT_DOCUMENT } from '../../../shared/schemas/document-fields';
import { replaceAnswers } from '../../../electron/backend/db/repos/answer-repo';
import { saveNarrative } from '../../../electron/backend/db/repos/narrative-repo';
import { saveReportDocument } from '../../../electron/backend/db/repos/report-document-repo';
import { attachFiles } from '../../../electron/backend/services/evidence/attach';
import { parsePortableAnswers } from '../../../electron/backend/services/indicator-sets/answers-file';
import { callOk } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { AGENCY_NAME } from '../../helpers/pki';

const EXAMPLES = join(process.cwd(), 'resources', 'examples');

const STP_PROFILE = {
  name: AGENCY_NAME,
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Lê Thị Hoa', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Phạm Văn Đông', title: 'Giám đốc', phone: '', email: '' },
};

/**
 * A stored assessment filled from the shipped example answers, with the example evidence attached and the
 * report ready to be final (number, date, ký hiệu and the narrative: a bundle carries the final report).
 * By default Sở Tư pháp on the sở set; `unit` (its profile) and `setId` give another unit on its block's set
 * (the example answers of that set).
 */
export const fillFromExample = async (b: TestBackend, o: { unit?: { code: string; type: string }; setId?: 'hp-2025-so' | 'hp-2025-xa-phuong' } = {}): Promise<Assessment> => {
  const setId = o.setId ?? 'hp-2025-so';
  await callOk(b, 'unit.save', o.unit ?? STP_PROFILE);
  const a = await callOk<Assessment>(b, 'assessments.create', { year: 2025, indicatorSetId: setId, deadline: null });
  const read = parsePortableAnswers(readFileSync(join(EXAMPLES, `${setId}-answers.json`), 'utf8'));
  if (!read.ok) throw new Error(read.errors.join('\n'));
  const now = new Date().toISOString();
  replaceAnswers(b.ctx.db, a.id, read.file.answers.map((x) => ({ nodeId: x.nodeId, inputs: x.inputs, notApplicable: x.notApplicable, explanation: x.explanation })), now);
  for (const ans of read.file.answers) {
    // Preflight wants evidence on every scored leaf: cite the general plan where the example cites nothing.
    const cited = ans.evidence.length || ans.notApplicable ? ans.evidence : ['ke-hoach-cchc-2025.pdf'];
    for (const p of cited) {
      await attachFiles(b.ctx.db, b.ctx.dataDir, { assessmentId: a.id, nodeId: ans.nodeId, files: [{ path: join(EXAMPLES, 'evidence', p), name: p }] });
    }
  }
  saveReportDocument(b.ctx.db, a.id, { ...EMPTY_REPORT_DOCUMENT, number: '15', date: '2025-11-28', symbol: 'BC-STP' }, now);
  saveNarrative(
    b.ctx.db,
    a.id,
    { basis: '', strengths: 'Hoàn thành kế hoạch.', weaknesses: 'Còn chậm số hóa.', causes: 'Thiếu nhân lực.', recommendations: 'Tập huấn thêm.' },
    now,
  );
  return a;
};
