import type { CliCommand } from '../types';
import { inspectCommand } from './inspect';
import { packCommand } from './pack';
import { reportCommand } from './report';
import { roundPackCommand } from './round-pack';
import { scoreCommand } from './score';
import { setConvertCommand } from './set-convert';
import { setValidateCommand } from './set-validate';
import { verifyCommand } from './verify';

/**
 * Every CLI command. Each lives in its own file in this folder; add it to this list.
 * Multi-word names ("set validate") are matched against the first words of argv.
 */
export const COMMANDS: CliCommand[] = [reportCommand, setValidateCommand, setConvertCommand, scoreCommand, packCommand, verifyCommand, inspectCommand, roundPackCommand];
