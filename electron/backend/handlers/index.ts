import { replyHandlers } from './reply';
import { answersHandlers } from './answers';
import { appHandlers } from './app';
import { assessmentsHandlers } from './assessments';
import { backupHandlers } from './backup';
import { decisionsHandlers } from './decisions';
import { evidenceHandlers } from './evidence';
import { inboxHandlers } from './inbox';
import { indicatorSetsHandlers } from './indicator-sets';
import { jobsHandlers } from './jobs';
import { registryHandlers } from './registry';
import { reportHandlers } from './report';
import { resultsHandlers } from './results';
import { roundHandlers } from './round';
import { scoringHandlers } from './scoring';
import { settingsHandlers } from './settings';
import { signingHandlers } from './signing';
import { submissionHandlers } from './submission';
import { surveyHandlers } from './survey';
import { trustHandlers } from './trust';
import type { HandlerMap } from './types';
import { unitHandlers } from './unit';

/**
 * Every channel's handler: one file per capability, named like its channel file (handlers/<base>.ts serves
 * shared/ipc/channels/<base>.ts and exports `<namespace>Handlers`). The `satisfies HandlerMap` makes a
 * missing handler a type error; test/backend/foundation.test.ts also checks it at run time against
 * CHANNEL_NAMES, and test/contract/capability-names.test.ts checks the names.
 */
export const handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...jobsHandlers,
  ...indicatorSetsHandlers,
  ...answersHandlers,
  ...scoringHandlers,
  ...unitHandlers,
  ...assessmentsHandlers,
  ...evidenceHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...signingHandlers,
  ...submissionHandlers,
  ...trustHandlers,
  ...surveyHandlers,
  ...inboxHandlers,
  ...registryHandlers,
  ...roundHandlers,
  ...resultsHandlers,
  ...decisionsHandlers,
  ...replyHandlers,
} satisfies HandlerMap;
