/**
 * Fault-injection seam for the backup writer (tests only; production never sets these). Lets the
 * disk-full / permission tests throw ENOSPC or EACCES at the dangerous moments without a real full disk.
 */
export type BackupFaults = {
  /** Called for every chunk written to the archive's .partial file (throw to simulate ENOSPC/EIO). */
  onArchiveWrite?: (bytesSoFar: number) => void;
  /** Called before a finished file (archive or automatic snapshot) is renamed to its final name. */
  beforeRename?: (tmpPath: string, finalPath: string) => void;
  /** Called once the restore has staged and verified everything, before the live data is touched. */
  beforeSwap?: () => void;
};

export const backupFaults: BackupFaults = {};

export const setBackupFaults = (f: BackupFaults): void => {
  for (const k of Object.keys(backupFaults) as (keyof BackupFaults)[]) delete backupFaults[k];
  Object.assign(backupFaults, f);
};

/** An errno-style error, as fs would throw it. */
export const errnoError = (code: string, syscall = 'write'): NodeJS.ErrnoException => {
  const e = new Error(`${code}: simulated failure, ${syscall}`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = syscall;
  return e;
};
