import { useState } from 'react';

import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform, useT } from '../../app/app-context';
import { useNote } from '../../app/use-note';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { JobProgress, runJob } from '../../jobs/index';
import { DraftItem } from './DraftItem';
import type { ItemState } from './DraftItem';
import { replyMessages } from './messages';

const fromView = (view: ReplyView): Record<string, ItemState> =>
  Object.fromEntries(view.draft.map((d) => [d.nodeId, { text: d.text, requested: d.requested, evidence: d.evidence.map((e) => ({ source: e.source, refId: e.refId })), badNumber: false }]));

/**
 * The giải trình draft: one item per criterion the unit disputes. A criterion whose appraised score differs
 * from the self score gets its own button (differences first, the table's order); any other is chosen from
 * one list, so a set of ~50 criteria is not a wall of buttons. Invalid input (no text, a score that is not a number or above the maximum) blocks saving; the
 * draft is saved whole (reply.saveDraft) and stays editable until the round closes.
 */
export const DraftEditor = ({ view, onSaved, onDirty }: { view: ReplyView; onSaved: () => void; onDirty: (dirty: boolean) => void }) => {
  const t = useT(replyMessages);
  const platform = usePlatform();
  const [items, setItems] = useState<Record<string, ItemState>>(() => fromView(view));
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useNote(replyMessages);
  const [busy, setBusy] = useState(false);
  const [attachJob, setAttachJob] = useState<Job | null>(null);
  const [other, setOther] = useState('');
  const closed = view.final !== null;
  const invalid = Object.values(items).some((i) => i.text.trim() === '' || i.badNumber);

  const notYet = view.rows.filter((r) => !items[r.nodeId]);
  const changed = notYet.filter((r) => r.difference !== 0);
  const unchanged = notYet.filter((r) => r.difference === 0);
  const picked = unchanged.some((r) => r.nodeId === other) ? other : '';

  const update = (next: Record<string, ItemState>) => {
    setItems(next);
    setNote(null);
    onDirty(true);
  };
  const start = (nodeId: string) => update({ ...items, [nodeId]: { text: '', requested: null, evidence: [], badNumber: false } });
  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      await platform.api.reply.saveDraft({
        resultId: view.resultId,
        items: view.rows.filter((r) => items[r.nodeId]).map((r) => ({ nodeId: r.nodeId, text: items[r.nodeId]!.text, requested: items[r.nodeId]!.requested, evidence: items[r.nodeId]!.evidence })),
      });
      setNote((t) => t('saved'));
      onDirty(false);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const addFile = async (nodeId: string, file: File) => {
    setError(null);
    setBusy(true);
    try {
      const up = (await platform.uploadFiles([file]))[0];
      const started = await platform.api.reply.attach({ resultId: view.resultId, ...(up ? { uploadId: up.uploadId } : {}) });
      const done = await runJob(platform.api, started, { onUpdate: setAttachJob });
      const { evidenceId } = done.result as { evidenceId: string };
      setItems((cur) => {
        const it = cur[nodeId];
        return it ? { ...cur, [nodeId]: { ...it, evidence: [...it.evidence, { source: 'NEW', refId: evidenceId }] } } : cur;
      });
      onDirty(true);
      onSaved(); // reload: the library now lists the new file
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAttachJob(null);
    }
  };

  return (
    <section className="card" aria-labelledby="draft-title" data-testid="reply-draft">
      <h3 id="draft-title">{t('draftTitle')}</h3>
      <p className="small">{t('draftIntro')}</p>
      {changed.length > 0 && (
        <div className="actions" data-testid="reply-explain-changed">
          {changed.map((r) => (
            <button key={r.nodeId} type="button" className="btn" disabled={closed || busy} onClick={() => start(r.nodeId)}>
              {t('explain', { code: r.code })}
            </button>
          ))}
        </div>
      )}
      {unchanged.length > 0 && (
        <div className="actions explain-other" data-testid="reply-explain-other">
          <Field label={t('otherLabel')}>
            {(p) => (
              <select {...p} value={picked} disabled={closed || busy} onChange={(e) => setOther(e.target.value)}>
                <option value="">{t('otherPick', { count: unchanged.length })}</option>
                {unchanged.map((r) => (
                  <option key={r.nodeId} value={r.nodeId}>
                    {r.code} — {r.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button
            type="button"
            className="btn"
            disabled={closed || busy || picked === ''}
            onClick={() => {
              start(picked);
              setOther('');
            }}
          >
            {t('explainOther')}
          </button>
        </div>
      )}
      {view.rows
        .filter((r) => items[r.nodeId])
        .map((r) => (
          <DraftItem
            key={r.nodeId}
            row={r}
            item={items[r.nodeId]!}
            library={view.library}
            disabled={closed || busy}
            onChange={(next) => update({ ...items, [r.nodeId]: next })}
            onRemove={() => {
              const { [r.nodeId]: _gone, ...rest } = items;
              update(rest);
            }}
            onAddFile={(f) => void addFile(r.nodeId, f)}
          />
        ))}
      {attachJob && <JobProgress label={t('attaching')} progress={attachJob.progress} onCancel={() => void platform.api.jobs.cancel({ jobId: attachJob.id })} />}
      {invalid && <p className="banner banner-warn">{t('fixFirst')}</p>}
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={closed || busy || invalid} onClick={() => void save()}>
          {t('saveDraft')}
        </button>
      </div>
      <p role="status" className="small" data-testid="reply-draft-note">
        {note}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </section>
  );
};
