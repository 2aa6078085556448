import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { DataPaths } from '../backend/data-dir';
import type { HostCapabilities } from '../backend/host';
import type { ServedFiles } from '../backend/services/served-files';
import { mimeTypeFor } from '../backend/security/static-path';
import { createFileSettingsStore } from '../backend/settings/file-settings-store';

/**
 * HostCapabilities in the browser setup: there are no native dialogs, so files arrive as uploads and
 * exports are written under the data folder's exports/ and offered to the browser as a download id.
 */
export const createWebHost = (paths: DataPaths, served: ServedFiles): HostCapabilities => ({
  kind: 'web',
  settings: createFileSettingsStore(paths.settings),
  pickFiles: async () => null,
  chooseSaveTarget: async ({ defaultName }) => {
    const safeName = defaultName.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'export';
    const path = join(paths.exports, `${randomBytes(8).toString('hex')}-${safeName}`);
    const entry = served.register(path, defaultName, mimeTypeFor(defaultName), 'attachment');
    return { path, downloadId: entry.id };
  },
  showInFolder: async () => {},
  openWithSystem: async () => {},
});
