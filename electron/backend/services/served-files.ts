import { randomBytes } from 'node:crypto';

import { AppFailure } from '../../../shared/ipc/result';

export type ServedFile = {
  id: string;
  path: string;
  fileName: string;
  mimeType: string;
  /** inline: shown inside the app (PDF/image preview); attachment: a download (web host exports). */
  disposition: 'inline' | 'attachment';
  createdAt: number;
};

const TTL_MS = 60 * 60_000;

/**
 * Files the renderer may fetch by opaque id: evidence previews and (in the web host) finished exports.
 * The web host serves them at /api/file/<id> (token required); Electron at app://app/__file/<id>.
 * Registration happens only in the backend, so the renderer can never name a path.
 */
export class ServedFiles {
  private readonly files = new Map<string, ServedFile>();

  register(path: string, fileName: string, mimeType: string, disposition: ServedFile['disposition']): ServedFile {
    this.sweep();
    const entry: ServedFile = {
      id: randomBytes(16).toString('hex'),
      path,
      fileName: fileName.normalize('NFC'),
      mimeType,
      disposition,
      createdAt: Date.now(),
    };
    this.files.set(entry.id, entry);
    return entry;
  }

  get(id: string): ServedFile {
    const f = this.files.get(id);
    if (!f) throw AppFailure.of('SERVED_FILE_GONE');
    return f;
  }

  find(id: string): ServedFile | undefined {
    return this.files.get(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, f] of this.files) if (now - f.createdAt > TTL_MS) this.files.delete(id);
  }
}
