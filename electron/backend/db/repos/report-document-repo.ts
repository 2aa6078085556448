import { EMPTY_REPORT_DOCUMENT } from '../../../../shared/schemas/document-fields';
import type { ReportDocument } from '../../../../shared/schemas/document-fields';
import type { Db } from '../connection';

type Row = {
  number: string;
  issued_on: string | null;
  symbol: string | null;
  place: string | null;
  governing_body: string | null;
  recipients_json: string | null;
  signer_authority: string | null;
  signer_title: string | null;
  signer_name: string | null;
  updated_at: string;
};

/** A report's number, date and overrides (NULL columns = the unit's defaults); empty until first saved. */
export const getReportDocument = (db: Db, assessmentId: string): { document: ReportDocument; updatedAt: string | null } => {
  const row = db.prepare('SELECT * FROM report_document WHERE assessment_id = ?').get(assessmentId) as Row | undefined;
  if (!row) return { document: { ...EMPTY_REPORT_DOCUMENT }, updatedAt: null };
  return {
    document: {
      number: row.number,
      date: row.issued_on,
      symbol: row.symbol,
      place: row.place,
      governingBody: row.governing_body,
      recipients: row.recipients_json === null ? null : (JSON.parse(row.recipients_json) as string[]),
      signerAuthority: row.signer_authority,
      signerTitle: row.signer_title,
      signerName: row.signer_name,
    },
    updatedAt: row.updated_at,
  };
};

export const saveReportDocument = (db: Db, assessmentId: string, d: ReportDocument, now: string): void => {
  db.prepare(
    `INSERT INTO report_document (assessment_id, number, issued_on, symbol, place, governing_body, recipients_json,
       signer_authority, signer_title, signer_name, updated_at)
     VALUES (@assessmentId, @number, @date, @symbol, @place, @governingBody, @recipients, @signerAuthority, @signerTitle,
       @signerName, @now)
     ON CONFLICT(assessment_id) DO UPDATE SET number = @number, issued_on = @date, symbol = @symbol, place = @place,
       governing_body = @governingBody, recipients_json = @recipients, signer_authority = @signerAuthority,
       signer_title = @signerTitle, signer_name = @signerName, updated_at = @now`,
  ).run({ assessmentId, ...d, recipients: d.recipients === null ? null : JSON.stringify(d.recipients), now });
};
