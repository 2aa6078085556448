import type { ReactNode } from 'react';

import type { EvidenceDocument } from '../../../../shared/schemas/evidence';
import { PREVIEWABLE_KINDS } from '../../../../shared/schemas/evidence';
import { formatBytes, formatDate } from '../../../../shared/format/index';
import { useLang, useT } from '../../app/app-context';
import { evidenceMessages } from './messages';
import './evidence.css';

export const canPreview = (d: EvidenceDocument): boolean => PREVIEWABLE_KINDS.includes(d.fileKind);

export type DocumentItemProps = {
  doc: EvidenceDocument;
  year: number | null;
  /** Link target for a usage chip (the sub-criterion page). */
  nodeHref?: (nodeId: string) => string;
  actions: ReactNode;
};

/** One document: name, type, size, citation line, warnings and where it is used. */
export const DocumentItem = ({ doc, year, nodeHref, actions }: DocumentItemProps) => {
  const t = useT(evidenceMessages);
  const lang = useLang();
  const m = doc.meta;
  const citation = [m.docType, m.docNumber, m.issuedOn ? formatDate(m.issuedOn) : '', m.issuer].filter(Boolean).join(' · ');
  return (
    <li className="ev-item" data-testid="ev-item" data-doc-id={doc.id}>
      <div className="ev-item-main">
        <div className="ev-item-title">
          <span className={`ev-kind ev-kind-${doc.fileKind}`}>{doc.fileKind.toUpperCase()}</span>
          <strong className="ev-name" data-testid="ev-name">
            {doc.originalName}
          </strong>
          <span className="muted small">{formatBytes(doc.size, lang)}</span>
        </div>
        {citation && (
          <div className="small" data-testid="ev-citation">
            {citation}
          </div>
        )}
        {m.summary && <div className="small ev-summary">{m.summary}</div>}
        {doc.warnings.includes('ISSUED_OUTSIDE_YEAR') && year !== null && (
          <div className="small ev-warn" role="note">
            ⚠ {t('warnOutsideYear', { year })}
          </div>
        )}
        <div className="small muted" data-testid="ev-usage">
          {doc.usage.length === 0 ? (
            t('unused')
          ) : (
            <>
              <span className="ev-usage-count" data-testid="ev-usage-count">
                {t('usedCount', { n: doc.usage.length })}
              </span>
              :
              {doc.usage.map((u) => {
                const label = u.nodeCode ?? u.nodeId;
                return nodeHref ? (
                  <a key={u.nodeId} className="ev-chip" href={nodeHref(u.nodeId)} title={u.nodeTitle ?? undefined}>
                    {label}
                  </a>
                ) : (
                  <span key={u.nodeId} className="ev-chip" title={u.nodeTitle ?? undefined}>
                    {label}
                  </span>
                );
              })}
            </>
          )}
        </div>
      </div>
      <div className="ev-item-actions">{actions}</div>
    </li>
  );
};
