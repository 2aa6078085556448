/** Playwright's globalSetup: the run's temporary folder (test/setup/temp-root.ts); the returned function is its teardown. */
import { useTempRoot } from './temp-root';

export default (): (() => void) => useTempRoot('e2e');
