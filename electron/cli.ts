/**
 * `gongwen`, the command-line tool (contract.md). Runs under plain Node — no Electron.
 * This file only dispatches; the commands live in ./cli/. Built by scripts/build-node.mjs
 * into dist/cli.cjs, which bin/gongwen.cjs loads: the bundle runs `main()` by itself.
 */
import path from 'node:path';
import { EXIT } from './cli/exit-codes';
import type { CliIo } from './cli/io';
import { requireWithCodeCache, saveCodeCaches } from './cli/code-cache';
import { directOutput } from './cli/direct-output';

/** Set by scripts/build-node.mjs in the dispatcher bundle: the commands are bundles beside it. */
declare const __GONGWEN_CLI_BUNDLE__: boolean;

function isBundle(): boolean {
  try {
    return __GONGWEN_CLI_BUNDLE__;
  } catch {
    return false;
  }
}

/** A command: its bundle (dist/cli-NAME.cjs, with V8's code cache) or, from the sources, its module. */
async function loadCommand<T>(name: 'check' | 'export' | 'calendar' | 'help', fromSources: () => Promise<T>): Promise<T> {
  if (isBundle()) return requireWithCodeCache(path.join(__dirname, `cli-${name}.cjs`)) as T;
  return fromSources();
}

export type { CliIo } from './cli/io';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        // Each command is loaded only when it runs (a bundle of its own in dist/: start-up).
        return await (await loadCommand('check', () => import('./cli/check-command'))).runCheckCommand(rest, io);
      case 'export':
        return await (await loadCommand('export', () => import('./cli/export-command'))).runExportCommand(rest, io);
      case 'calendar':
        return await (await loadCommand('calendar', () => import('./cli/calendar-command'))).runCalendarCommand(rest, io);
      default:
        // No command, help, or an unknown one: the usage, from a bundle of its own (the
        // dispatcher carries no translations).
        return (await loadCommand('help', () => import('./cli/help-command'))).runHelpCommand(command, io);
    }
  } catch (error) {
    // A bug, not the user's input: still one line, no stack trace (GONGWEN_DEBUG=1 shows it).
    io.stderr.write(`gongwen: ${(error as Error)?.message ?? String(error)}\n`);
    if (io.env?.GONGWEN_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT.unreadable;
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // Plain writes to fds 1 and 2: Node's stdout stream is not built unless a write would block.
  const io: CliIo = {
    stdout: directOutput(1, () => process.stdout),
    stderr: directOutput(2, () => process.stderr),
    cwd: process.cwd(),
    env: process.env,
    ...(isBundle() ? { cacheDir: path.join(__dirname, '.cache') } : {}),
  };
  const code = await runCli(argv, io);
  process.exitCode = code;
  saveCodeCaches();
}

// The bundle (dist/cli.cjs) runs itself when loaded by bin/gongwen.cjs or `node dist/cli.cjs`;
// imported from the sources (tests), it only exports.
if (typeof __filename === 'string' && /cli\.cjs$/.test(__filename)) void main();
