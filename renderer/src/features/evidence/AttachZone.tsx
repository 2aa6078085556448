import { useEffect, useId, useRef, useState } from 'react';
import type { ClipboardEvent, DragEvent } from 'react';

import type { AttachResult } from '../../../../shared/schemas/evidence';
import { useLang, useT } from '../../app/app-context';
import { ErrorBanner, refusalMessage } from '../../components/ErrorBanner';
import { JobProgress } from '../../jobs/index';
import { evidenceMessages } from './messages';
import { useAttach } from './use-attach';
import './evidence.css';

export type AttachZoneProps = {
  assessmentId: string;
  nodeId: string | null;
  label: string;
  onAttached: (r: AttachResult) => void;
};

/** File input + drag-and-drop + paste target with progress and a cancel button. */
export const AttachZone = ({ assessmentId, nodeId, label, onAttached }: AttachZoneProps) => {
  const t = useT(evidenceMessages);
  const lang = useLang();
  const inputId = useId();
  const { attach, cancel, progress } = useAttach(assessmentId, nodeId);
  const [over, setOver] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notes, setNotes] = useState<string[]>([]);
  // What was said about one criterion's files is not said on the next criterion's page: the messages are
  // cleared when the criterion changes, and a result arriving after the user moved on is not shown there.
  const currentNode = useRef(nodeId);
  useEffect(() => {
    currentNode.current = nodeId;
    setNotes([]);
    setError(null);
  }, [nodeId]);

  const run = async (files: File[]) => {
    setError(null);
    setNotes([]);
    const forNode = nodeId;
    try {
      const r = await attach(files);
      if (currentNode.current !== forNode) {
        if (r) onAttached(r);
        return;
      }
      if (!r) {
        if (files.length) setNotes([t('cancelled')]);
        return;
      }
      setNotes([
        t('attached', { n: r.documents.length }),
        ...r.documents.filter((d) => d.deduplicated).map((d) => t('deduplicated', { name: d.originalName })),
        ...r.refused.map((x) => t('refused', { name: x.name, message: refusalMessage(x, lang) })),
      ]);
      onAttached(r);
    } catch (e) {
      if (currentNode.current === forNode) setError(e);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void run([...e.dataTransfer.files]);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length) {
      e.preventDefault();
      void run(files);
    }
  };
  const busy = progress.phase !== 'idle';

  return (
    <div
      className={`ev-drop${over ? ' ev-drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      onPaste={onPaste}
      data-testid="ev-drop"
    >
      <div className="ev-drop-row">
        <label htmlFor={inputId} className={`btn btn-primary${busy ? ' ev-disabled' : ''}`}>
          {label}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          disabled={busy}
          accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png,.zip"
          data-testid="ev-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void run(files);
          }}
        />
        <span className="small muted">{t('dropHint')}</span>
      </div>
      {busy && (
        <div className="ev-progress" role="status" aria-live="polite">
          {progress.phase === 'upload' ? (
            <span>{t('uploading', { done: progress.done, total: progress.total })}</span>
          ) : (
            <JobProgress label={t('attachProgress')} progress={progress.phase === 'attach' ? progress : null} onCancel={() => void cancel()} />
          )}
        </div>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {notes.length > 0 && (
        // The live region wraps the list: role="status" on the <ul> itself would unmake it a list (axe: listitem).
        <div role="status" data-testid="ev-notes">
          <ul className="ev-notes small">
            {notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
};
