import type { ReportEvidence, ReportModel, ReportNode } from '../../../shared/domain/report/model';
import { summarizeDomains, totalsOf } from '../../../shared/domain/report/format';

/** A synthetic report model (8 provincial domains) for exporter tests that must not depend on the real set. */
const DOMAIN_TITLES = [
  'Công tác chỉ đạo, điều hành cải cách hành chính',
  'Cải cách thể chế',
  'Cải cách thủ tục hành chính',
  'Cải cách tổ chức bộ máy hành chính',
  'Cải cách chế độ công vụ',
  'Cải cách tài chính công',
  'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
  'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
];

const leaf = (code: string, maxMilli: number, i: number, evidence: ReportEvidence[]): ReportNode => {
  const kind = i % 7;
  const status = kind === 3 ? 'na' : kind === 5 ? 'survey' : kind === 6 ? 'unanswered' : 'answered';
  const score = status === 'answered' ? Math.floor((maxMilli * ((i * 37) % 101)) / 100) : null;
  const cited = evidence.filter((_, k) => k % 13 === i % 13).slice(0, 2);
  return {
    level: 'sub',
    kind: status === 'survey' ? 'survey' : 'self',
    code,
    title: `Tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn ${code} — ệ ữ ờ Đ đ ặ ẫ ỹ Ư ư Ơ ơ`,
    maxMilli,
    declaredInputsText: status === 'na' ? 'Không áp dụng' : `${(i * 3) % 17}/17`,
    methodText: 'Đạt 100%: điểm tối đa; dưới 100%: 0 điểm',
    scoreMilli: score,
    status,
    explanation: status === 'answered' ? 'Đơn vị đã ban hành kế hoạch và triển khai đầy đủ.' : '',
    citations: cited.map((e) => ({ evidenceId: e.id, number: e.number, issuedDate: e.issuedDate, summary: e.summary, originalName: e.originalName })),
    note: status === 'na' ? 'Đơn vị không có nhiệm vụ này' : '',
    children: [],
  };
};

export const makeEvidence = (count: number): ReportEvidence[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `ev${i + 1}`,
    docType: i % 2 ? 'Kế hoạch' : 'Báo cáo',
    number: `${i + 1}/KH-UBND`,
    issuedDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    summary: `Về việc triển khai công tác cải cách hành chính năm 2025 (văn bản số ${i + 1})`,
    issuer: 'Ủy ban nhân dân phường Hồng Bàng',
    originalName: `Tài liệu kiểm chứng ${i + 1}.pdf`,
    sizeBytes: 1000 + i * 17,
    sha256: (i.toString(16).padStart(8, '0')).repeat(8),
    nodeCodes: [`${(i % 8) + 1}.1`],
  }));

export const makeSampleModel = (evidenceCount = 20): ReportModel => {
  const evidence = makeEvidence(evidenceCount);
  let i = 0;
  const domains: ReportNode[] = DOMAIN_TITLES.map((title, d) => {
    const criteria: ReportNode[] = [1, 2, 3].map((c) => {
      const code = `${d + 1}.${c}`;
      if (c === 3) return { ...leaf(code, 1500, i++, evidence), level: 'criterion' as const, title: `Tiêu chí ${code} ứng dụng`, children: [] };
      const subs = [1, 2, 3].map((s) => leaf(`${code}.${s}`, 500 + s * 250, i++, evidence));
      return {
        level: 'criterion' as const,
        kind: 'mixed' as const,
        code,
        title: `Tiêu chí ${code}: thực hiện nhiệm vụ`,
        maxMilli: subs.reduce((a, s) => a + s.maxMilli, 0),
        declaredInputsText: '',
        methodText: '',
        scoreMilli: null,
        status: 'aggregate' as const,
        explanation: '',
        citations: [],
        note: '',
        children: subs,
      };
    });
    return {
      level: 'domain' as const,
      kind: 'mixed' as const,
      code: String(d + 1),
      title,
      maxMilli: criteria.reduce((a, c) => a + c.maxMilli, 0),
      declaredInputsText: '',
      methodText: '',
      scoreMilli: null,
      status: 'aggregate' as const,
      explanation: '',
      citations: [],
      note: '',
      children: criteria,
    };
  });
  const summaries = summarizeDomains(domains);
  return {
    unit: { name: 'Ủy ban nhân dân phường Hồng Bàng', code: 'HB01' },
    document: {
      governingBody: '',
      issuingBody: 'Ủy ban nhân dân phường Hồng Bàng',
      number: '12',
      symbol: 'BC-UBND',
      place: 'Hồng Bàng',
      date: '2025-11-20',
      recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Thường trực Đảng ủy phường', 'Lưu: VT, VP'],
      signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Nguyễn Văn Đức' },
    },
    year: 2025,
    setName: 'Bộ chỉ số CCHC cấp xã (mẫu)',
    setVersion: '1.0.0',
    revision: 1,
    generatedAt: '2025-11-20T08:00:00.000Z',
    domains,
    summaries,
    totals: totalsOf(domains),
    narrative: {
      basis: 'Căn cứ Quyết định số 1187/QĐ-BNV ngày 15/10/2025 của Bộ Nội vụ.',
      strengths: 'Công tác chỉ đạo được quan tâm, triển khai kịp thời.',
      weaknesses: 'Một số nhiệm vụ còn chậm.',
      causes: 'Nhân lực còn thiếu.',
      recommendations: 'Đề nghị Sở Nội vụ tiếp tục hướng dẫn.',
    },
    evidence,
  };
};
