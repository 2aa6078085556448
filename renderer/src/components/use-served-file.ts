import { useEffect, useRef, useState } from 'react';

import { usePlatform } from '../app/app-context';

/**
 * Object URL for a file the backend serves by opaque id (previews): `load` asks the backend to register the
 * file, the platform turns the id into a URL (app:// in Electron, a blob in the web host). Blob URLs are
 * revoked when the component goes away or `key` changes.
 */
export const useServedFileUrl = (key: string, load: () => Promise<{ fileId: string }>) => {
  const platform = usePlatform();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The latest loader, without making the effect depend on a new closure at every render.
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    (async () => {
      const { fileId } = await loader.current();
      made = await platform.fileObjectUrl(fileId);
      if (live) setUrl(made);
      else if (made.startsWith('blob:')) URL.revokeObjectURL(made);
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      if (made?.startsWith('blob:')) URL.revokeObjectURL(made);
    };
  }, [platform, key]);

  return { url, error };
};
