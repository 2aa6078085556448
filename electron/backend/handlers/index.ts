import { answerHandlers } from './answers';
import { appHandlers } from './app';
import { assessmentFlowHandlers } from './assessment-flow';
import { assessmentHandlers } from './assessments';
import { backupHandlers } from './backup';
import { evidenceHandlers } from './evidence';
import { exportHandlers } from './exports';
import { inboxHandlers } from './inbox';
import { indicatorSetAdminHandlers } from './indicator-set-admin';
import { surveyHandlers } from './survey';
import { submissionHandlers } from './submission';
import { trustHandlers } from './trust';
import type { HandlerMap } from './types';
import { unitHandlers } from './units';

/**
 * Every channel's handler. The `satisfies HandlerMap` makes a missing handler a type error; a test also
 * checks it at run time against CHANNEL_NAMES.
 */
export const handlers = {
  ...appHandlers,
  ...answerHandlers,
  ...unitHandlers,
  ...assessmentHandlers,
  ...evidenceHandlers,
  ...assessmentFlowHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...submissionHandlers,
  ...trustHandlers,
  ...surveyHandlers,
  ...indicatorSetAdminHandlers,
  ...inboxHandlers,
} satisfies HandlerMap;
