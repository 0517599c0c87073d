// The process entry point: runs the CLI on the real process and sets the exit code.
import { runCli } from './main.js';
import { processIo } from './cli-io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
