import { useEffect, useRef, useState } from 'react';

import { usePlatform, useT } from '../app/app-context';
import { ErrorBanner } from './ErrorBanner';
import { MAX_PREVIEW_PAGES, renderPdfPages } from './pdf-render';
import { pdfPreviewMessages } from './pdf-preview-messages';

type State = { kind: 'loading' } | { kind: 'done'; pageCount: number; shown: number } | { kind: 'failed' } | { kind: 'error'; error: unknown };

/**
 * A PDF preview that runs nothing from the file: the bytes come through the contract (opaque id), pdf.js
 * draws the first pages onto canvases (./pdf-render.ts). A file pdf.js cannot read shows a message, never a
 * fallback to Chromium's viewer.
 */
export const PdfPreview = ({ fileKey, load, title, testId }: { fileKey: string; load: () => Promise<{ fileId: string }>; title: string; testId: string }) => {
  const t = useT(pdfPreviewMessages);
  const platform = usePlatform();
  const pages = useRef<HTMLDivElement>(null);
  const loader = useRef(load);
  loader.current = load;
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const signal = { cancelled: false };
    setState({ kind: 'loading' });
    (async () => {
      const { fileId } = await loader.current();
      const data = await platform.fileBytes(fileId);
      let rendered;
      try {
        rendered = await renderPdfPages(data, Math.max(320, (pages.current?.clientWidth ?? 800) - 16), signal);
      } catch {
        if (!signal.cancelled) setState({ kind: 'failed' });
        return;
      }
      if (signal.cancelled || !pages.current) return;
      pages.current.replaceChildren(
        ...rendered.canvases.map((c, i) => {
          c.setAttribute('role', 'img');
          c.setAttribute('aria-label', t('page', { n: i + 1, total: rendered.pageCount }));
          c.className = 'pdf-preview-page';
          return c;
        }),
      );
      setState({ kind: 'done', pageCount: rendered.pageCount, shown: rendered.canvases.length });
    })().catch((error: unknown) => !signal.cancelled && setState({ kind: 'error', error }));
    return () => {
      signal.cancelled = true;
    };
  }, [platform, fileKey, t]);

  return (
    <div className="pdf-preview" data-testid={testId} data-state={state.kind} aria-label={title} aria-busy={state.kind === 'loading'}>
      {state.kind === 'error' && <ErrorBanner error={state.error} />}
      {state.kind === 'loading' && <p className="small">{t('loading')}</p>}
      {state.kind === 'failed' && (
        <p className="small" role="status">
          {t('failed')}
        </p>
      )}
      {state.kind === 'done' && state.pageCount > state.shown && (
        <p className="small" role="status">
          {t('truncated', { shown: MAX_PREVIEW_PAGES, total: state.pageCount })}
        </p>
      )}
      <div ref={pages} className="pdf-preview-pages" />
    </div>
  );
};
