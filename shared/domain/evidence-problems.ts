import type { EvidenceProblem } from '../schemas/evidence';
import type { Language } from '../schemas/settings';

/**
 * What the evidence integrity check found, in words: the backend stores the Vietnamese text with the code
 * (logs, CLI, errors), the UI words the code in its own language.
 */
const TEXTS: Record<EvidenceProblem, Record<Language, (name: string) => string>> = {
  MISSING: {
    vi: (n) => `Tệp kiểm chứng "${n}" không còn trong kho dữ liệu (đã bị xóa hoặc di chuyển bên ngoài ứng dụng).`,
    en: (n) => `Evidence file "${n}" is no longer in the data store (deleted or moved outside the app).`,
  },
  SIZE_CHANGED: {
    vi: (n) => `Tệp kiểm chứng "${n}" đã bị thay đổi kích thước kể từ khi đính kèm.`,
    en: (n) => `Evidence file "${n}" has changed size since it was attached.`,
  },
  HASH_CHANGED: {
    vi: (n) => `Nội dung tệp kiểm chứng "${n}" đã bị thay đổi kể từ khi đính kèm.`,
    en: (n) => `The content of evidence file "${n}" has changed since it was attached.`,
  },
};

export const evidenceProblemText = (problem: EvidenceProblem, name: string, lang: Language = 'vi'): string => TEXTS[problem][lang](name);
