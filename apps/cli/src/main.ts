import { inspect } from 'node:util';
import { ConfigError } from '@keyledger/runtime';
import { cliProgram } from './cli-program';
import { processOutput } from './shared/cli-output';

cliProgram(processOutput)
  .parseAsync()
  .catch((error: unknown) => {
    // Configuration problems are the operator's to fix: say which, without a stack trace.
    processOutput.problem(error instanceof ConfigError ? error.message : inspect(error));
    process.exitCode = 1;
  });
