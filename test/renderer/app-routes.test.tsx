// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Language } from '../../shared/schemas/settings';
import { App } from '../../renderer/src/app/App';
import { AppProvider } from '../../renderer/src/app/app-context';
import { useLeaveGuard } from '../../renderer/src/app/leave-guard';
import { RoleProvider } from '../../renderer/src/app/role-context';
import { useHashPath } from '../../renderer/src/app/router';
import { isCurrent } from '../../renderer/src/app/TopNav';
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
    // The menu marks the page the user is on, and only that one.
    expect(within(menu).getByRole('link', { name: 'Kết quả thẩm định' }).getAttribute('aria-current')).toBe('page');
    expect(within(menu).getAllByRole('link').filter((a) => a.hasAttribute('aria-current'))).toHaveLength(1);
    expect(await screen.findByRole('heading', { name: 'Kết quả thẩm định và giải trình', level: 1 })).toBeTruthy();
    expect(list).toHaveBeenCalled();
  });

  it("a page under a menu entry's section marks that entry; a page outside every section marks none", () => {
    expect(isCurrent('#/inbox', '/inbox')).toBe(true);
    expect(isCurrent('#/inbox', '/inbox/8f1c')).toBe(true);
    expect(isCurrent('#/round', '/round/dashboard')).toBe(true);
    expect(isCurrent('#/round', '/rounds')).toBe(false);
    expect(isCurrent('#/help', '/')).toBe(false);
    show('#/answer');
    const menu = screen.getByRole('navigation', { name: 'Chức năng chung' });
    expect(within(menu).getAllByRole('link').filter((a) => a.hasAttribute('aria-current'))).toEqual([]);
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

describe('leaving a page with unsaved typed work asks first', () => {
  const Editor = () => {
    const [text, setText] = useState('');
    useLeaveGuard(text !== '', () => 'Vẫn rời trang?');
    return <input aria-label="Giải trình" value={text} onChange={(e) => setText(e.target.value)} />;
  };
  const Shell = () => {
    const hash = useHashPath();
    return hash === '#/reply' ? <Editor /> : <p>trang khác {hash}</p>;
  };
  const hashChange = async (to: string) => {
    window.location.hash = to;
    await act(async () => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await Promise.resolve();
    });
  };

  it('declined: the page and what was typed stay, the address goes back; accepted: the page changes', async () => {
    window.location.hash = '#/reply';
    render(<Shell />);
    fireEvent.change(screen.getByLabelText('Giải trình'), { target: { value: 'Đã bổ sung báo cáo' } });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    await hashChange('#/help');
    expect(confirm).toHaveBeenCalledWith('Vẫn rời trang?');
    expect((screen.getByLabelText('Giải trình') as HTMLInputElement).value).toBe('Đã bổ sung báo cáo');
    expect(window.location.hash).toBe('#/reply');
    confirm.mockReturnValue(true);
    await hashChange('#/help');
    expect(screen.getByText('trang khác #/help')).toBeTruthy();
    vi.unstubAllGlobals();
  });

  it("by one of the app's links: declined, the click is cancelled (no history entry); accepted, asked once", async () => {
    window.location.hash = '#/reply';
    render(
      <>
        <a href="#/help">Trợ giúp</a>
        <a href="#main">Nội dung</a>
        <Shell />
      </>,
    );
    fireEvent.change(screen.getByLabelText('Giải trình'), { target: { value: 'Đã bổ sung báo cáo' } });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    // fireEvent returns false when a handler cancelled the event: the browser then neither follows the link nor adds an entry.
    expect(fireEvent.click(screen.getByRole('link', { name: 'Trợ giúp' }))).toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/reply');
    expect((screen.getByLabelText('Giải trình') as HTMLInputElement).value).toBe('Đã bổ sung báo cáo');
    // An in-page anchor is not a page change: no question.
    fireEvent.click(screen.getByRole('link', { name: 'Nội dung' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    confirm.mockReturnValue(true);
    expect(fireEvent.click(screen.getByRole('link', { name: 'Trợ giúp' }))).toBe(true);
    await hashChange('#/help');
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(screen.getByText('trang khác #/help')).toBeTruthy();
    vi.unstubAllGlobals();
  });

  it('nothing typed: no question', async () => {
    window.location.hash = '#/reply';
    render(<Shell />);
    const confirm = vi.fn(() => true);
    vi.stubGlobal('confirm', confirm);
    await hashChange('#/help');
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByText('trang khác #/help')).toBeTruthy();
    vi.unstubAllGlobals();
  });
});
