// @vitest-environment happy-dom
import { useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Language } from '../../shared/schemas/settings';
import { NumberField } from '../../renderer/src/components/NumberField';

const MESSAGES = {
  vi: { badInt: 'Nhập số nguyên.', badDecimal: 'Nhập số, dấu phẩy thập phân.', tooBig: (max: string) => `Không được vượt quá ${max}.` },
  en: { badInt: 'Enter a whole number.', badDecimal: 'Enter a number, decimal point.', tooBig: (max: string) => `Must not exceed ${max}.` },
};

/** A page whose language can change while the field holds an invalid text, as the app's language switch does. */
const Harness = () => {
  const [lang, setLang] = useState<Language>('vi');
  return (
    <>
      <button type="button" onClick={() => setLang('en')}>English</button>
      <NumberField label="Điểm" value={undefined} onValue={() => {}} decimals={3} max={1} lang={lang} messages={MESSAGES[lang]} />
    </>
  );
};

afterEach(cleanup);

describe('NumberField', () => {
  it('an invalid value keeps its message in the language shown now, not the one it was typed in', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText(/Điểm/), { target: { value: '5' } });
    expect(screen.getByText('Không được vượt quá 1.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.queryByText('Không được vượt quá 1.')).toBeNull();
    expect(screen.getByText('Must not exceed 1.')).toBeTruthy();
  });
});
