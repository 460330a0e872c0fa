/** Where commands write: results to stdout, problems to stderr (so results can be piped). */
export interface CliOutput {
  line(text: string): void;
  problem(text: string): void;
}

/** The process's own stdout and stderr. */
export const processOutput: CliOutput = {
  line: (text) => process.stdout.write(`${text}\n`),
  problem: (text) => process.stderr.write(`${text}\n`),
};
