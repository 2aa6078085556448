/**
 * Words a focal point meets in the indicator sets, the guidance of Sở Nội vụ and this app, with what they
 * mean here. Shown on the Help page; docs/user-guide.md carries the same list.
 */
export type GlossaryEntry = { term: string; vi: string; en: string };

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'CCHC', vi: 'Cải cách hành chính.', en: 'Administrative reform (cải cách hành chính).' },
  {
    term: 'Chỉ số CCHC (PAR Index)',
    vi: 'Chỉ số cải cách hành chính: điểm đạt được chia cho điểm tối đa áp dụng, tính theo phần trăm; Sở Nội vụ xếp hạng các đơn vị hằng năm theo chỉ số này.',
    en: 'Public Administration Reform Index: points achieved over the applicable maximum, as a percentage; Sở Nội vụ ranks the units by it every year.',
  },
  {
    term: 'Bộ chỉ số',
    vi: 'Danh sách lĩnh vực, tiêu chí, tiêu chí thành phần với điểm tối đa và cách chấm, do UBND thành phố ban hành cho từng khối (sở; phường; xã, đặc khu).',
    en: 'The list of domains, criteria and sub-criteria with their maximum points and scoring rules, issued by the city for each block (departments; wards; communes and special zones).',
  },
  { term: 'LV, TC, TCTP', vi: 'Lĩnh vực, tiêu chí, tiêu chí thành phần: ba cấp của bộ chỉ số.', en: 'Domain, criterion, sub-criterion: the three levels of an indicator set.' },
  {
    term: 'TLKC',
    vi: 'Tài liệu kiểm chứng: văn bản, báo cáo, số liệu chứng minh điểm tự chấm (kế hoạch, báo cáo, quyết định, ảnh chụp màn hình…), đính kèm vào từng tiêu chí.',
    en: 'Evidence documents (tài liệu kiểm chứng) proving a self-score: plans, reports, decisions, screenshots…, attached to each criterion.',
  },
  {
    term: 'Giải trình',
    vi: 'Phần đơn vị viết để giải thích điểm tự chấm, bắt buộc khi tiêu chí đạt dưới điểm tối đa (nếu bộ chỉ số yêu cầu) hoặc khi không có tài liệu kiểm chứng.',
    en: 'The unit\'s written explanation of a self-score, required when a criterion scores below its maximum (where the set asks) or has no evidence.',
  },
  {
    term: 'XHH',
    vi: 'Điều tra xã hội học: phần điểm do Sở Nội vụ khảo sát cán bộ, người dân, doanh nghiệp; đơn vị không tự chấm, chỉ nhập kết quả khi Sở Nội vụ gửi.',
    en: 'Sociological survey: the part of the score from Sở Nội vụ\'s survey of officials, citizens and businesses; the unit does not self-score it, it only enters the results Sở Nội vụ sends.',
  },
  {
    term: 'SIPAS',
    vi: 'Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (khảo sát do Bộ Nội vụ tổ chức); một số tiêu chí quy đổi từ kết quả này.',
    en: 'Satisfaction Index of Public Administrative Services (a survey run by the Ministry of Home Affairs); some criteria are converted from its results.',
  },
  {
    term: 'PVHCC',
    vi: 'Trung tâm Phục vụ hành chính công: nơi tiếp nhận, trả kết quả thủ tục hành chính (bộ phận một cửa); số liệu hồ sơ của đơn vị thường lấy từ hệ thống của trung tâm.',
    en: 'Public Administrative Service Centre: where administrative procedures are received and returned (one-stop shop); a unit\'s dossier figures usually come from its system.',
  },
  { term: 'TTHC', vi: 'Thủ tục hành chính.', en: 'Administrative procedure.' },
  { term: 'DVC trực tuyến', vi: 'Dịch vụ công trực tuyến (một phần hoặc toàn trình) trên Cổng Dịch vụ công.', en: 'Online public services (partial or end-to-end) on the public service portal.' },
  {
    term: 'Bộ chỉ số 766',
    vi: 'Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), theo dõi trên Cổng Dịch vụ công quốc gia; một số tiêu chí lấy điểm từ đây.',
    en: 'The index of service quality to citizens and businesses (Decision 766/QĐ-TTg) tracked on the national public service portal; some criteria take their points from it.',
  },
  {
    term: 'Hồ sơ nộp (.asice)',
    vi: 'Một tệp ký số gồm số liệu tự chấm, giải trình, tài liệu kiểm chứng, bảng Excel và báo cáo PDF; gửi tệp này cho Sở Nội vụ.',
    en: 'One digitally signed file with the self-scores, explanations, evidence, the Excel table and the PDF report; this is the file sent to Sở Nội vụ.',
  },
  {
    term: 'Chứng thư số, chứng thư gốc tin cậy, CRL',
    vi: 'Chứng thư số chứng nhận khóa ký của người ký; chứng thư gốc (CA) là tổ chức cấp chứng thư mà máy kiểm tra tin cậy; CRL là danh sách chứng thư đã bị thu hồi.',
    en: 'A certificate binds the signing key to the signer; a root (CA) certificate is an issuer the checking computer trusts; a CRL lists revoked certificates.',
  },
];
