import { readFileSync } from 'node:fs';

import { defaultSettings, settingsSchema } from '../../../shared/schemas/settings';
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';
import type { SettingsStore } from '../host';
import { writeFileAtomicSync } from '../storage/atomic-write';

/**
 * Preferences in a JSON file (web host, CLI, tests). A missing or corrupt file falls back to defaults
 * rather than blocking start-up: preferences are not data.
 */
export const createFileSettingsStore = (file: string): SettingsStore => {
  const read = (): Settings => {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : defaultSettings();
    } catch {
      return defaultSettings();
    }
  };
  let current = read();
  return {
    get: () => current,
    update: (patch: SettingsPatch) => {
      // Write first: if the disk refuses, the stored and the in-memory preferences stay the old ones.
      const next = settingsSchema.parse({ ...current, ...patch });
      writeFileAtomicSync(file, `${JSON.stringify(next, null, 2)}\n`);
      current = next;
      return current;
    },
  };
};
