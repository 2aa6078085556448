import type { z } from 'zod';

import { answerChannels } from './channels/answers';
import { appChannels } from './channels/app';
import { assessmentFlowChannels } from './channels/assessment-flow';
import { assessmentChannels } from './channels/assessments';
import { backupChannels } from './channels/backup';
import { evidenceChannels } from './channels/evidence';
import { exportChannels } from './channels/exports';
import { inboxChannels } from './channels/inbox';
import { indicatorSetAdminChannels } from './channels/indicator-set-admin';
import { surveyChannels } from './channels/survey';
import { submissionChannels } from './channels/submission';
import { trustChannels } from './channels/trust';
import { unitChannels } from './channels/units';
import type { Result } from './result';

/**
 * THE contract: every channel the renderer can call, with zod input and output schemas.
 * The preload's window.api, the Electron IPC registration, the web host's HTTP routes and the renderer's
 * client are all derived from this one object. Add a domain by writing shared/ipc/channels/<domain>.ts
 * and spreading it here.
 */
export const contract = {
  ...appChannels,
  ...answerChannels,
  ...unitChannels,
  ...assessmentChannels,
  ...evidenceChannels,
  ...assessmentFlowChannels,
  ...exportChannels,
  ...backupChannels,
  ...submissionChannels,
  ...trustChannels,
  ...surveyChannels,
  ...indicatorSetAdminChannels,
  ...inboxChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type Method<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;
export type NamespaceName = Namespace<ChannelName>;

/** window.api as exposed by the preload: every call answers a Result envelope, never throws. */
export type RawApi = {
  [NS in NamespaceName]: {
    [C in ChannelName as Method<C, NS>]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  };
};

/** What components use: the same shape, but failures are thrown as AppFailure. */
export type PlatformApi = {
  [NS in NamespaceName]: {
    [C in ChannelName as Method<C, NS>]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  };
};

export const splitChannel = (name: string): [string, string] => {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
};
