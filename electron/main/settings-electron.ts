import Store from 'electron-store';

import { defaultSettings, settingsSchema } from '../../shared/schemas/settings';
import type { Settings, SettingsPatch } from '../../shared/schemas/settings';
import type { SettingsStore } from '../backend/host';

/** Preferences in electron-store, validated with the shared zod schema (a corrupt file falls back to defaults). */
export const createElectronSettings = (cwd: string): SettingsStore => {
  const store = new Store<{ settings: Settings }>({ name: 'preferences', cwd, defaults: { settings: defaultSettings() } });
  const read = (): Settings => {
    const parsed = settingsSchema.safeParse(store.get('settings'));
    return parsed.success ? parsed.data : defaultSettings();
  };
  return {
    get: read,
    update: (patch: SettingsPatch) => {
      const next = settingsSchema.parse({ ...read(), ...patch });
      store.set('settings', next);
      return next;
    },
  };
};
