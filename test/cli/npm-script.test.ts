import { spawnSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

// `npm run cchc -- …` once ran a module that only exports `main`: it printed nothing and exited 0.
describe('npm run cchc', () => {
  it('runs the CLI entry, so the help text is printed', () => {
    const r = spawnSync('npm', ['run', '-s', 'cchc', '--', '--help'], { cwd: process.cwd(), encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('cchc — công cụ dòng lệnh');
  }, 60_000);
});
