import { lazy, Suspense, useId, useState } from 'react';

import type { DecisionsList } from '../../../../shared/ipc/channels/decisions';
import type { ChosenKey } from '../../../../shared/ipc/channels/signing';
import type { Job } from '../../../../shared/schemas/job';
import type { UnitType } from '../../../../shared/schemas/unit';
import { usePlatform, useT } from '../../app/app-context';
import { decisionsMessages } from './messages';

// Loaded on demand as the round export does (features/round/RoundExport.tsx): no static import cycle.
const KeyStep = lazy(async () => ({ default: (await import('../submission/index')).KeyStep }));

type KeySecret = { kind: 'p12'; password: string } | { kind: 'pkcs11'; pin: string };
const BLOCKS: readonly UnitType[] = ['SO', 'PHUONG', 'XA_DAC_KHU'];

/**
 * After closing: the signed final-result package for one unit, one block or every unit, with the same key
 * choice as every signed export (KeyStep). The job itself (progress, cancel, download) is the page's, so the
 * page starts it through `start` like its other exports.
 */
export const FinalPackagesExport = ({ year, units, busy, start }: { year: number; units: DecisionsList['units']; busy: boolean; start: (work: () => Promise<Job>) => Promise<void> }) => {
  const t = useT(decisionsMessages);
  const platform = usePlatform();
  const id = useId();
  const [scope, setScope] = useState('all');
  const [choosingKey, setChoosingKey] = useState(false);
  const blocks = BLOCKS.filter((b) => units.some((u) => u.unitType === b));

  const exportWith = (preview: ChosenKey, secret: KeySecret) => {
    setChoosingKey(false);
    const [kind, value] = scope.split(':') as ['all' | 'block' | 'unit', string | undefined];
    const target = kind === 'unit' ? { unitCode: value } : kind === 'block' ? { block: value as UnitType } : {};
    void start(() => platform.api.decisions.exportPackages({ year, ...target, keyId: preview.keyId, ...(secret.kind === 'p12' ? { password: secret.password } : { pin: secret.pin }) }));
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="final-packages">
      <h3 id={`${id}-title`}>{t('packagesTitle')}</h3>
      <p className="small muted">{t('packagesIntro')}</p>
      {choosingKey ? (
        <Suspense fallback={null}>
          <KeyStep onOpened={exportWith} onBack={() => setChoosingKey(false)} />
        </Suspense>
      ) : (
        <div className="actions">
          <label htmlFor={`${id}-scope`}>{t('packagesScope')}</label>
          <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.target.value)} disabled={busy}>
            <option value="all">{t('packagesAll')}</option>
            {blocks.map((b) => (
              <option key={b} value={`block:${b}`}>
                {t('packagesBlock', { block: t(b) })}
              </option>
            ))}
            {units.map((u) => (
              <option key={u.unitCode} value={`unit:${u.unitCode}`}>
                {u.unitName} ({u.unitCode})
              </option>
            ))}
          </select>
          <button type="button" className="btn primary" disabled={busy} onClick={() => setChoosingKey(true)}>
            {t('packagesSign')}
          </button>
        </div>
      )}
    </section>
  );
};
