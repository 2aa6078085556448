// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Language } from '../../shared/schemas/settings';
import { App } from '../../renderer/src/app/App';
import { AppProvider } from '../../renderer/src/app/app-context';
import { RoleProvider } from '../../renderer/src/app/role-context';
import { fakePlatform } from './fake-platform';
import type { FakeHandlers } from './fake-platform';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const show = (hash: string, handlers: FakeHandlers = {}, lang: Language = 'vi') => {
  window.location.hash = hash;
  render(
    <AppProvider value={{ platform: fakePlatform(handlers), lang, setLang: () => {} }}>
      <RoleProvider value={{ role: 'unit', setRole: () => {} }}>
        <App />
      </RoleProvider>
    </AppProvider>,
  );
};

describe('the app shell: menu and addresses', () => {
  it("a unit's menu leads to the reply page at #/reply, which loads its results", async () => {
    const list = vi.fn(async () => ({ results: [] }));
    show('#/reply', { reply: { list } });
    const menu = screen.getByRole('navigation', { name: 'Chức năng chung' });
    expect(within(menu).getByRole('link', { name: 'Kết quả thẩm định' }).getAttribute('href')).toBe('#/reply');
    expect(await screen.findByRole('heading', { name: 'Kết quả thẩm định và giải trình', level: 1 })).toBeTruthy();
    expect(list).toHaveBeenCalled();
  });

  it('an address no page answers says so and links back home, in either language', () => {
    show('#/answer');
    const main = screen.getByRole('main');
    expect(main.textContent).toBe('Không tìm thấy trang. Trang đầu');
    expect(within(main).getByRole('link', { name: 'Trang đầu' }).getAttribute('href')).toBe('#/');
    cleanup();
    show('#/answer', {}, 'en');
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Home' }).getAttribute('href')).toBe('#/');
  });
});
