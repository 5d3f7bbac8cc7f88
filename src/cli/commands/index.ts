import { answerCommand } from './answer';
import { checkCommand } from './check';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { planCommand } from './plan';
import { queryCommand } from './query';
import type { CliCommand } from './types';

/**
 * Every CLI command, in the order the usage text lists them. One file per command; add a
 * command by importing it here.
 */
export const CLI_COMMANDS: readonly CliCommand[] = [
  demoCommand,
  importCommand,
  queryCommand,
  exportCommand,
  checkCommand,
  planCommand,
  answerCommand,
];
