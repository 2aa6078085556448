import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

import type { Role } from '../../../shared/schemas/settings';

export type RoleContextValue = { role: Role | null; setRole: (role: Role) => void };

// Without a provider (component tests), no role is chosen: every menu is shown, as before roles existed.
const RoleContext = createContext<RoleContextValue>({ role: null, setRole: () => {} });

export const RoleProvider = ({ value, children }: { value: RoleContextValue; children: ReactNode }) => (
  <RoleContext.Provider value={value}>{children}</RoleContext.Provider>
);

export const useRole = (): RoleContextValue => useContext(RoleContext);

/** The top menu entries each role sees; null (not chosen yet) sees all of them. */
export type NavEntry = 'sets' | 'verify' | 'inbox' | 'registry' | 'round' | 'decisions' | 'reply' | 'backup' | 'help';
const BY_ROLE: Record<Role, readonly NavEntry[]> = {
  unit: ['sets', 'verify', 'round', 'reply', 'backup', 'help'],
  receiver: ['sets', 'verify', 'inbox', 'registry', 'round', 'decisions', 'backup', 'help'],
};
export const navFor = (role: Role | null): readonly NavEntry[] => (role ? BY_ROLE[role] : ['sets', 'verify', 'inbox', 'registry', 'round', 'decisions', 'reply', 'backup', 'help']);
