import type { Language as Locale } from '../../schemas/settings';

/**
 * The words of score explanations ("98,6 % → mức 98–<100 % → 2/4 điểm") in both UI languages. The
 * backend, reports and bundles use Vietnamese; the renderer asks for the user's language. Labels that come
 * from the indicator set itself (level names, numerator labels, sources) are data and stay as written.
 * Problems are codes with their own table (problems.ts); an INVALID explanation is that problem's text.
 */
export type ScorePhrases = {
  points: (score: string, max: string) => string;
  band: string;
  rate: string;
  target: string;
  capReached: string;
  anyRate: string;
  met: string;
  notMet: string;
  penaltyYes: (pts: string) => string;
  penaltyNo: string;
  level: (label: string) => string;
  zeroFull: string;
  zeroZero: string;
  zeroReason: string;
  deduct: (pts: string) => string;
  add: string;
  subtract: string;
  selfScored: string;
  waitingFor: (source: string) => string;
  enter: (what: string) => string;
  enterResult: string;
  enterLevel: string;
  enterBoth: (a: string, b: string) => string;
  enterValue: (source: string) => string;
  enterPoints: string;
  unanswered: string;
  naRescale: (reason: string, pts: string) => string;
  naFull: (reason: string, of: string) => string;
};

const vi: ScorePhrases = {
  points: (s, m) => `${s}/${m} điểm`,
  band: 'mức',
  rate: 'tỷ lệ',
  target: 'mục tiêu',
  capReached: ' (đạt trần)',
  anyRate: 'mọi tỷ lệ',
  met: 'Đạt',
  notMet: 'Không đạt',
  penaltyYes: (p) => `Có → trừ ${p} điểm`,
  penaltyNo: 'Không → không trừ điểm',
  level: (l) => `Mức «${l}»`,
  zeroFull: 'Mẫu số bằng 0 (không phát sinh)',
  zeroZero: 'Mẫu số bằng 0',
  zeroReason: 'mẫu số bằng 0 (không phát sinh)',
  deduct: (p) => `trừ ${p}`,
  add: 'cộng',
  subtract: 'trừ',
  selfScored: 'Tự chấm',
  waitingFor: (s) => `Chờ kết quả ${s}`,
  enter: (w) => `Chưa nhập ${w}`,
  enterResult: 'kết quả (có/không)',
  enterLevel: 'mức đạt được',
  enterBoth: (a, b) => `"${a}" và "${b}"`,
  enterValue: (s) => `giá trị ${s}`,
  enterPoints: 'điểm',
  unanswered: 'Chưa trả lời',
  naRescale: (r, p) => `Không áp dụng (${r}) → loại ${p} điểm khỏi tổng điểm tối đa`,
  naFull: (r, of) => `Không áp dụng (${r}) → đạt điểm tối đa ${of}`,
};

const en: ScorePhrases = {
  points: (s, m) => `${s}/${m} points`,
  band: 'band',
  rate: 'rate',
  target: 'target',
  capReached: ' (cap reached)',
  anyRate: 'any rate',
  met: 'Met',
  notMet: 'Not met',
  penaltyYes: (p) => `Yes → minus ${p} points`,
  penaltyNo: 'No → no deduction',
  level: (l) => `Level «${l}»`,
  zeroFull: 'Denominator 0 (nothing arose)',
  zeroZero: 'Denominator 0',
  zeroReason: 'denominator 0 (nothing arose)',
  deduct: (p) => `minus ${p}`,
  add: 'plus',
  subtract: 'minus',
  selfScored: 'Self-scored',
  waitingFor: (s) => `Waiting for ${s} results`,
  enter: (w) => `Enter ${w}`,
  enterResult: 'the result (yes/no)',
  enterLevel: 'the level reached',
  enterBoth: (a, b) => `"${a}" and "${b}"`,
  enterValue: (s) => `the ${s} value`,
  enterPoints: 'the points',
  unanswered: 'Not answered yet',
  naRescale: (r, p) => `Not applicable (${r}) → ${p} points removed from the applicable maximum`,
  naFull: (r, of) => `Not applicable (${r}) → full marks ${of}`,
};

export const scorePhrases = (lang: Locale = 'vi'): ScorePhrases => (lang === 'en' ? en : vi);
