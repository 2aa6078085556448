import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';

import { AppFailure } from '../../../shared/ipc/result';

export type UploadedFile = { id: string; path: string; name: string; size: number; createdAt: number };

const TTL_MS = 6 * 60 * 60_000;

/**
 * Files handed to the backend without a path from the renderer: browser uploads (web host) and files
 * dropped on the Electron window (path resolved by the preload's webUtils and re-checked in main).
 * Handlers receive only the opaque id and resolve it here.
 */
export class UploadRegistry {
  private readonly files = new Map<string, UploadedFile>();

  register(path: string, name: string, size: number): UploadedFile {
    this.sweep();
    const id = randomBytes(16).toString('hex');
    const entry = { id, path, name: name.normalize('NFC'), size, createdAt: Date.now() };
    this.files.set(id, entry);
    return entry;
  }

  get(id: string): UploadedFile {
    const f = this.files.get(id);
    if (!f) throw AppFailure.of('UPLOAD_GONE');
    return f;
  }

  /** Forget an upload; `deleteFile` for temp copies owned by the registry (web uploads). */
  release(id: string, deleteFile: boolean): void {
    const f = this.files.get(id);
    this.files.delete(id);
    if (f && deleteFile) rmSync(f.path, { force: true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, f] of this.files) if (now - f.createdAt > TTL_MS) this.files.delete(id);
  }
}
