import type { Language } from '../../../shared/schemas/settings';

/** A notice worded in the language of the moment it is shown (the page showing it may switch language). */
export type FlashWording = (lang: Language) => string;

/**
 * A notice for the page the app navigates to next (e.g. "carried forward 12 answers" after creating an
 * assessment opens it): set just before `navigate`, taken once by the page that shows it. Kept in memory
 * only; a reload drops it, as it should.
 */
let pending: FlashWording | null = null;

export const setFlash = (wording: FlashWording): void => {
  pending = wording;
};

export const takeFlash = (): FlashWording | null => {
  const wording = pending;
  pending = null;
  return wording;
};
