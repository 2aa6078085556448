import type { Migration } from './types';

/**
 * Evidence documents and their links to sub-criteria. The file itself lives in the content-addressed store
 * (evidence/ab/cd/<sha256>); a document row points at it by sha256, so one file backs many documents
 * (across assessments) and one document backs many nodes (evidence_link).
 */
export const m0030Evidence: Migration = {
  version: 30,
  name: 'evidence',
  up: (db) => {
    db.exec(`
      CREATE TABLE evidence_document (
        id TEXT PRIMARY KEY,
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size >= 0),
        file_kind TEXT NOT NULL,
        media_type TEXT NOT NULL,
        original_name TEXT NOT NULL,
        doc_type TEXT NOT NULL DEFAULT '',
        doc_number TEXT NOT NULL DEFAULT '',
        issued_on TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        issuer TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (assessment_id, sha256)
      ) STRICT;
      CREATE INDEX evidence_document_sha ON evidence_document(sha256);

      CREATE TABLE evidence_link (
        assessment_id TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        document_id TEXT NOT NULL REFERENCES evidence_document(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, node_id, document_id)
      ) STRICT;
      CREATE INDEX evidence_link_document ON evidence_link(document_id);
    `);
  },
};
