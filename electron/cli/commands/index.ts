import type { CliCommand } from '../types';
import { reportCommand } from './report';

/**
 * Every CLI command. Each lives in its own file in this folder; add it to this list.
 * Multi-word names ("set validate") are matched against the first words of argv.
 */
export const COMMANDS: CliCommand[] = [reportCommand];
