import { m0010Initial } from './0010-initial';
import { m0020Answers } from './0020-answers';
import { m0030Evidence } from './0030-evidence';
import { m0040Submissions } from './0040-submissions';
import { m0050ReportNarrative } from './0050-report-narrative';
import { m0060Revisions } from './0060-revisions';
import { m0070Survey } from './0070-survey';
import { m0080Inbox } from './0080-inbox';
import { m0090DocumentFields } from './0090-document-fields';
import { m0130SignatureImages } from './0130-signature-images';
import { m0140Registry } from './0140-registry';
import { m0150ReceivedSurvey } from './0150-received-survey';
import { m0160OneAssessmentPerYear } from './0160-one-assessment-per-year';
import { m0200Rounds } from './0200-rounds';
import { m0230IssuedResults } from './0230-issued-results';
import { m0240Decisions } from './0240-decisions';
import { m0250Answer } from './0250-answer';
import { m0260EvidenceWaiver } from './0260-evidence-waiver';
import { m0270SubmissionSelfScores } from './0270-submission-self-scores';
import { m0280ReplyTables } from './0280-reply-tables';
import type { Migration } from './types';

/**
 * Every schema step, in order. Append new files (0020-…, 0030-…) here; never edit a shipped migration.
 * Numbering in steps of 10 leaves room for hotfix steps.
 */
export const MIGRATIONS: readonly Migration[] = [m0010Initial, m0020Answers, m0030Evidence, m0040Submissions, m0050ReportNarrative, m0060Revisions, m0070Survey, m0080Inbox, m0090DocumentFields, m0130SignatureImages, m0140Registry, m0150ReceivedSurvey, m0160OneAssessmentPerYear, m0200Rounds, m0230IssuedResults, m0240Decisions, m0250Answer, m0260EvidenceWaiver, m0270SubmissionSelfScores, m0280ReplyTables];
