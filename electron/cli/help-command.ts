/**
 * `gongwen`, `gongwen --help` and an unknown command: the usage, in the user's language. A
 * bundle of its own (dist/cli-help.cjs) like the commands, so the dispatcher carries no
 * messages: `gongwen check` does not compile the translations twice.
 */
import { EXIT, pickLanguage, translator, type CliIo } from './io';

/** `command`: what was typed (undefined: nothing; 'help', '--help', '-h'; anything else is unknown). */
export function runHelpCommand(command: string | undefined, io: CliIo): number {
  const t = translator(pickLanguage(undefined, io.env ?? {}));
  if (command === undefined) {
    io.stderr.write(`${t('checks.cli.usage')}\n`);
    return EXIT.unreadable;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(`${t('checks.cli.usage')}\n`);
    return EXIT.ok;
  }
  io.stderr.write(`${t('checks.cli.unknownCommand', { command })}\n${t('checks.cli.usage')}\n`);
  return EXIT.unreadable;
}
