// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppProvider } from '../../renderer/src/app/app-context';
import { UnitForm } from '../../renderer/src/features/registry/UnitForm';
import { fakePlatform } from './fake-platform';

afterEach(cleanup);

const show = (lang: 'vi' | 'en' = 'vi') => {
  const onSave = vi.fn();
  render(
    <AppProvider value={{ platform: fakePlatform({}), lang, setLang: () => {} }}>
      <UnitForm busy={false} onSave={onSave} />
    </AppProvider>,
  );
  return onSave;
};

/** The register's unit form says what is wrong under each field and sends nothing (before: a silent browser bubble). */
describe('register: adding a unit by hand', () => {
  it('empty: both fields say what is missing, the code takes the focus, nothing is sent', () => {
    const onSave = show();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đơn vị' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Nhập mã đơn vị.', 'Nhập tên chính thức của đơn vị.']);
    expect(document.activeElement).toBe(screen.getByLabelText('Mã đơn vị'));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('an accented code with a space is refused with the rule; a good unit is sent with its name trimmed', () => {
    const onSave = show();
    fireEvent.change(screen.getByLabelText('Mã đơn vị'), { target: { value: 'P-HỒNG BÀNG' } });
    fireEvent.change(screen.getByLabelText('Tên chính thức'), { target: { value: '  Phường Hồng Bàng ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đơn vị' }));
    expect(screen.getByRole('alert').textContent).toContain('Mã đơn vị chỉ gồm chữ không dấu');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Mã đơn vị'), { target: { value: 'P-HONGBANG' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Lưu đơn vị' }));
    expect(onSave).toHaveBeenCalledWith({ code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' });
  });

  it('in English', () => {
    show('en');
    fireEvent.click(screen.getByRole('button', { name: 'Save unit' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Enter the unit code.', 'Enter the unit’s official name.']);
  });
});
