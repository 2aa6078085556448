// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Role } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { RoleProvider } from '../../renderer/src/app/role-context';
import { RoundPage } from '../../renderer/src/features/round/index';
import { fakePlatform } from './fake-platform';
import { ROUND_DETAIL } from './fixtures/round-detail';

afterEach(cleanup);


const show = async (role: Role | null) => {
  const platform = fakePlatform({
    round: { list: vi.fn(async () => ({ rounds: [ROUND_DETAIL], received: [], officialSetShas: [] })) },
    indicatorSets: { list: vi.fn(async () => []) },
    trust: { list: vi.fn(async () => []) },
  });
  render(
    <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
      <RoleProvider value={{ role, setRole: () => {} }}>
        <RoundPage />
      </RoleProvider>
    </AppProvider>,
  );
  // Both roles see the trust anchors; waiting for them means the page has loaded.
  await screen.findByTestId('trust-empty', {}, { timeout: 10_000 });
};

describe('round page: each role sees its own side', () => {
  it('Sở Nội vụ (receiver): its rounds and "Tạo đợt đánh giá", not the unit’s received rounds or import', async () => {
    await show('receiver');
    expect(await screen.findByRole('heading', { name: 'Đợt đánh giá do Sở Nội vụ ban hành' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tạo đợt đánh giá' })).toBeTruthy();
    expect(screen.getAllByTestId('issued-round')).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: /Đợt đánh giá đã nhận/ })).toBeNull();
    expect(screen.queryByLabelText('Gói đợt đánh giá của Sở Nội vụ (.asice)')).toBeNull();
    // Sở's own export is checked against the anchors, but nothing of Sở's is refused for want of one.
    expect(screen.getByTestId('trust-empty').textContent).not.toContain('mọi gói của Sở Nội vụ sẽ bị từ chối');
  });

  it('a unit: the received rounds and the import, not Sở Nội vụ’s create/publish section', async () => {
    await show('unit');
    expect(await screen.findByRole('heading', { name: 'Đợt đánh giá đã nhận' })).toBeTruthy();
    expect(screen.getByLabelText('Gói đợt đánh giá của Sở Nội vụ (.asice)')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Đợt đánh giá do Sở Nội vụ ban hành' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tạo đợt đánh giá' })).toBeNull();
    expect(screen.queryByTestId('issued-round')).toBeNull();
    expect(screen.getByTestId('trust-empty').textContent).toContain('mọi gói của Sở Nội vụ sẽ bị từ chối (E_UNTRUSTED)');
  });

  it('no role chosen yet: both sides, as the top menu shows every entry then', async () => {
    await show(null);
    expect(await screen.findByRole('heading', { name: 'Đợt đánh giá đã nhận' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Đợt đánh giá do Sở Nội vụ ban hành' })).toBeTruthy();
  });
});
