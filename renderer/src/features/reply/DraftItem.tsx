import type { ReplyRow, ReplyView } from '../../../../shared/ipc/channels/reply';
import { formatBytes, formatPoints } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { Field } from '../../components/Field';
import { FileInput } from '../../components/FileInput';
import { NumberField } from '../../components/NumberField';
import { replyMessages } from './messages';

export type EvidenceRef = { source: 'DOCUMENT' | 'NEW'; refId: string };
export type ItemState = { text: string; requested: number | null; evidence: EvidenceRef[]; badNumber: boolean };

const same = (a: EvidenceRef, b: EvidenceRef) => a.source === b.source && a.refId === b.refId;

/** One disputed criterion: explanation (required), requested score (exact, ≤ max), documents to attach. */
export const DraftItem = ({
  row,
  item,
  library,
  disabled,
  onChange,
  onRemove,
  onAddFile,
}: {
  row: ReplyRow;
  item: ItemState;
  library: ReplyView['library'];
  disabled: boolean;
  onChange: (next: ItemState) => void;
  onRemove: () => void;
  onAddFile: (file: File) => void;
}) => {
  const t = useT(replyMessages);
  const lang = useLang();
  const toggle = (ref: EvidenceRef, on: boolean) => onChange({ ...item, evidence: on ? [...item.evidence, ref] : item.evidence.filter((e) => !same(e, ref)) });
  return (
    <fieldset className="card" data-testid={`draft-item-${row.code}`}>
      <legend>{t('itemHeading', { code: row.code, title: row.title })}</legend>
      <Field label={t('text')} {...(item.text.trim() === '' ? { error: t('textRequired') } : {})}>
        {(p) => <textarea {...p} rows={4} value={item.text} disabled={disabled} onChange={(e) => onChange({ ...item, text: e.target.value })} />}
      </Field>
      <NumberField
        label={t('requested', { max: formatPoints(row.max, lang) })}
        value={item.requested === null ? undefined : item.requested / 1000}
        onValue={(v) => onChange({ ...item, requested: v === undefined ? null : Math.round(v * 1000), badNumber: false })}
        onDraft={(text) => {
          if ((text !== null) !== item.badNumber) onChange({ ...item, badNumber: text !== null });
        }}
        decimals={3}
        max={row.max / 1000}
        lang={lang}
        disabled={disabled}
        messages={{ badInt: t('badInt'), badDecimal: t('badDecimal'), tooBig: (max) => t('tooBig', { max }) }}
        testId={`requested-${row.code}`}
      />
      <fieldset>
        <legend>{t('evidence')}</legend>
        {library.length === 0 && <p className="muted small">{t('noLibrary')}</p>}
        {library.map((f) => {
          const ref = { source: f.source, refId: f.refId };
          return (
            <label key={`${f.source}:${f.refId}`} className="check-row">
              <input type="checkbox" checked={item.evidence.some((e) => same(e, ref))} disabled={disabled} onChange={(e) => toggle(ref, e.target.checked)} />{' '}
              {f.name} <span className="muted small">({f.source === 'DOCUMENT' ? t('fromLibrary') : t('added')}, {formatBytes(f.size, lang)})</span>
            </label>
          );
        })}
        <Field label={t('addFile')}>
          {(p) => (
            <FileInput
              {...p}
              disabled={disabled}
              data-testid={`add-file-${row.code}`}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) onAddFile(f);
              }}
            />
          )}
        </Field>
      </fieldset>
      <div className="actions">
        <button type="button" className="btn" disabled={disabled} onClick={onRemove}>
          {t('removeItem', { code: row.code })}
        </button>
      </div>
    </fieldset>
  );
};
