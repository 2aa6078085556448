/**
 * A notice for the page the app navigates to next (e.g. "carried forward 12 answers" after creating an
 * assessment opens it): set just before `navigate`, taken once by the page that shows it. Kept in memory
 * only; a reload drops it, as it should.
 */
let pending: string | null = null;

export const setFlash = (text: string): void => {
  pending = text;
};

export const takeFlash = (): string | null => {
  const text = pending;
  pending = null;
  return text;
};
