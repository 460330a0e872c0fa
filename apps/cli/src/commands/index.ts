import { Command } from 'commander';
import { CliOutput } from '../shared/cli-output';
import { analyticsCommand } from './analytics.command';
import { exportCommand } from './export.command';
import { keysCommand } from './keys.command';
import { lagCommand } from './lag.command';
import { rebuildCommand } from './rebuild.command';
import { reportCommand } from './report.command';
import { verifyCommand } from './verify.command';

/** Every command of the CLI; a new one is a file beside these and a line here. */
export const COMMANDS: readonly ((output: CliOutput) => Command)[] = [
  rebuildCommand,
  lagCommand,
  verifyCommand,
  exportCommand,
  reportCommand,
  analyticsCommand,
  keysCommand,
];
