import type { Db } from '../connection';

/** One numbered schema step. `up` runs inside a transaction opened by the runner. */
export type Migration = {
  version: number;
  name: string;
  up: (db: Db) => void;
};
