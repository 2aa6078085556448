import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/**
 * The project root (where package.json and resources/ live) when running from source. Its own module, so
 * that a CLI command that only needs the shipped resources does not load the whole backend to learn it.
 */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
