import { useState } from 'react';

import { documentNumberSchema, documentSymbolSchema } from '../../../../shared/schemas/document-fields';
import type { Job } from '../../../../shared/schemas/job';
import { usePlatform, useT } from '../../app/app-context';
import { Field } from '../../components/Field';
import { decisionsMessages } from './messages';

/** The symbol of Sở Nội vụ's notices (Thông báo), offered until the văn thư's own is typed. */
const NOTICE_SYMBOL = 'TB-SNV';

/**
 * After closing: the final results as Excel, or as Sở's notice (PDF) with the number and symbol the văn thư gives
 * it (Nghị định 30/2020). Without a number the PDF is a draft ("DỰ THẢO"); a number or symbol that is not valid
 * blocks the PDF export and says why (the same rules as the channel: shared/schemas/document-fields.ts).
 */
export const FinalResultsExport = ({ year, busy, start }: { year: number; busy: boolean; start: (work: () => Promise<Job>) => Promise<void> }) => {
  const t = useT(decisionsMessages);
  const platform = usePlatform();
  const [number, setNumber] = useState('');
  const [symbol, setSymbol] = useState(NOTICE_SYMBOL);
  const numberOk = documentNumberSchema.safeParse(number).success;
  const symbolOk = documentSymbolSchema.safeParse(symbol).success;
  const numbered = number.trim() !== '';

  return (
    <div data-testid="final-results-export">
      <div className="grid-2">
        <Field label={t('docNumber')} hint={t('docNumberHint')} {...(numberOk ? {} : { error: t('docNumberInvalid') })}>
          {(p) => <input {...p} name="final-number" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} />}
        </Field>
        <Field label={t('docSymbol')} {...(symbolOk ? {} : { error: t('docSymbolInvalid') })}>
          {(p) => <input {...p} name="final-symbol" value={symbol} onChange={(e) => setSymbol(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void start(() => platform.api.decisions.exportResults({ year, format: 'xlsx' }))}>
          {t('exportXlsx')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !numberOk || !symbolOk}
          onClick={() => void start(() => platform.api.decisions.exportResults({ year, format: 'pdf', number: number.trim(), symbol }))}
        >
          {numbered ? t('exportPdf') : t('exportPdfDraft')}
        </button>
      </div>
    </div>
  );
};
