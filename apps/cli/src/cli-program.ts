import { Command } from 'commander';
import { COMMANDS } from './commands';
import { CliOutput } from './shared/cli-output';

const HELP_HINT = '(add --help for usage)';

/** The operator CLI: the stores it works on come from the service's configuration (environment). */
export function cliProgram(output: CliOutput): Command {
  const program = new Command('keyledger')
    .description('keyledger operator commands, on the stores the environment configures')
    .showHelpAfterError(HELP_HINT);
  for (const command of COMMANDS) program.addCommand(command(output).showHelpAfterError(HELP_HINT));
  return program;
}
