import type { z } from 'zod';

import { replyChannels } from './channels/reply';
import { answersChannels } from './channels/answers';
import { appChannels } from './channels/app';
import { assessmentsChannels } from './channels/assessments';
import { backupChannels } from './channels/backup';
import { decisionsChannels } from './channels/decisions';
import { evidenceChannels } from './channels/evidence';
import { inboxChannels } from './channels/inbox';
import { indicatorSetsChannels } from './channels/indicator-sets';
import { jobsChannels } from './channels/jobs';
import { registryChannels } from './channels/registry';
import { reportChannels } from './channels/report';
import { resultsChannels } from './channels/results';
import { roundChannels } from './channels/round';
import { scoringChannels } from './channels/scoring';
import { settingsChannels } from './channels/settings';
import { signingChannels } from './channels/signing';
import { submissionChannels } from './channels/submission';
import { surveyChannels } from './channels/survey';
import { trustChannels } from './channels/trust';
import { unitChannels } from './channels/unit';
import type { Result } from './result';

/**
 * THE contract: every channel the renderer can call, with zod input and output schemas.
 * The preload's window.api, the Electron IPC registration, the web host's HTTP routes and the renderer's
 * client are all derived from this one object. One capability = one namespace = one file: add one by
 * writing shared/ipc/channels/<kebab-namespace>.ts exporting `<namespace>Channels` (and the handler file of
 * the same name) and spreading it here; test/contract/capability-names.test.ts checks the names.
 */
export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...jobsChannels,
  ...indicatorSetsChannels,
  ...answersChannels,
  ...scoringChannels,
  ...unitChannels,
  ...assessmentsChannels,
  ...evidenceChannels,
  ...reportChannels,
  ...backupChannels,
  ...signingChannels,
  ...submissionChannels,
  ...trustChannels,
  ...registryChannels,
  ...surveyChannels,
  ...inboxChannels,
  ...roundChannels,
  ...resultsChannels,
  ...decisionsChannels,
  ...replyChannels,
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
