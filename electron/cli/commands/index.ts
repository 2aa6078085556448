import type { CliCommand } from '../types';
import { reportCommand } from './report';
import { scoreCommand } from './score';
import { setConvertCommand } from './set-convert';
import { setValidateCommand } from './set-validate';

/**
 * Every CLI command. Each lives in its own file in this folder; add it to this list.
 * Multi-word names ("set validate") are matched against the first words of argv.
 */
export const COMMANDS: CliCommand[] = [reportCommand, setValidateCommand, setConvertCommand, scoreCommand];
