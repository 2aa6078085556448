import boundaries from './rules/boundaries.mjs';
import environment from './rules/environment.mjs';
import noImportCycle from './rules/no-import-cycle.mjs';

/** The project's own ESLint rules (the "local/" prefix in eslint.config.mjs). */
export default {
  meta: { name: 'cchc-local' },
  rules: { environment, boundaries, 'no-import-cycle': noImportCycle },
};
