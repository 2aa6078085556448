// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { AppProvider } from '../../renderer/src/app/app-context';
import { useNote } from '../../renderer/src/app/use-note';
import { defineMessages } from '../../renderer/src/i18n/messages';
import type { Language } from '../../shared/schemas/settings';
import { formatPoints } from '../../shared/format/index';
import { fakePlatform } from './fake-platform';

const messages = defineMessages({
  vi: { saved: 'Đã lưu đợt đánh giá năm {year}.', max: 'Điểm tối đa {max}.' },
  en: { saved: 'Saved the {year} round.', max: 'The maximum is {max}.' },
});

let say: ((year: number) => void) | null = null;
let clear: (() => void) | null = null;
let sayMax: ((milli: number) => void) | null = null;
const Page = () => {
  const [note, setNote] = useNote(messages);
  say = (year) => setNote((t) => t('saved', { year }));
  clear = () => setNote(null);
  sayMax = (milli) => setNote((t, lang) => t('max', { max: formatPoints(milli, lang) }));
  return <p data-testid="note">{note ?? '—'}</p>;
};
const app = (lang: Language) => (
  <AppProvider value={{ platform: fakePlatform({}), lang, setLang: () => {} }}>
    <Page />
  </AppProvider>
);

afterEach(cleanup);

describe('a note shown after an action follows the language', () => {
  it('is worded when shown: said in Vietnamese, reworded in English after the switch, and back', () => {
    const { rerender } = render(app('vi'));
    expect(screen.getByTestId('note').textContent).toBe('—');
    act(() => say!(2025));
    expect(screen.getByTestId('note').textContent).toBe('Đã lưu đợt đánh giá năm 2025.');
    rerender(app('en'));
    expect(screen.getByTestId('note').textContent).toBe('Saved the 2025 round.');
    rerender(app('vi'));
    expect(screen.getByTestId('note').textContent).toBe('Đã lưu đợt đánh giá năm 2025.');
    act(() => clear!());
    expect(screen.getByTestId('note').textContent).toBe('—');
  });

  it('formats its numbers in the language it is shown in', () => {
    const { rerender } = render(app('vi'));
    act(() => sayMax!(1500));
    expect(screen.getByTestId('note').textContent).toBe('Điểm tối đa 1,5.');
    rerender(app('en'));
    expect(screen.getByTestId('note').textContent).toBe('The maximum is 1.5.');
  });
});
