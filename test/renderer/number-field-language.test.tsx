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
const Harness = ({ max = 1, sent = [] as (number | undefined)[] }) => {
  const [lang, setLang] = useState<Language>('vi');
  const [value, setValue] = useState<number | undefined>(undefined);
  return (
    <>
      <button type="button" onClick={() => setLang('en')}>English</button>
      <button type="button" onClick={() => setLang('vi')}>Tiếng Việt</button>
      <NumberField
        label="Điểm"
        value={value}
        onValue={(v) => {
          sent.push(v);
          setValue(v);
        }}
        decimals={3}
        max={max}
        lang={lang}
        messages={MESSAGES[lang]}
      />
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

  it('a number typed in one language is shown in the other\'s format after a switch, not reported as wrong', () => {
    const sent: (number | undefined)[] = [];
    render(<Harness max={2} sent={sent} />);
    const input = () => screen.getByLabelText(/Điểm/) as HTMLInputElement;
    fireEvent.change(input(), { target: { value: '1,5' } });
    expect(sent).toEqual([1.5]);
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(input().value).toBe('1.5');
    expect(screen.queryByText('Enter a number, decimal point.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(input().value).toBe('1,5');
    // Text that was not a number stays as typed, with the message of the language shown.
    fireEvent.change(input(), { target: { value: '1,5,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(input().value).toBe('1,5,5');
    expect(screen.getByText('Enter a number, decimal point.')).toBeTruthy();
    expect(sent).toEqual([1.5]);
  });
});
