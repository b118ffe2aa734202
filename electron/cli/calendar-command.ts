/**
 * `gongwen calendar --level LEVEL --year YEAR [--json] [--lang L]` (contract.md): the reporting
 * and publication dates of the report about YEAR by a body of LEVEL, from shared/calendar.
 */
import { annualDeadlines, parseLevel } from '../../shared/calendar/annual';
import { EXIT, pickLanguage, translator, type CliIo } from './io';
import { parseArgs } from './args';

export async function runCalendarCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ['json'], ['level', 'year', 'lang']);
  const t = translator(pickLanguage(args.options.get('lang'), io.env ?? {}));
  const usage = () => `${t('checks.cli.usage')}\n`;
  if (args.unknown.length || args.files.length) {
    io.stderr.write(`${t('checks.cli.unknownOption', { option: args.unknown[0] ?? args.files[0]! })}\n${usage()}`);
    return EXIT.unreadable;
  }
  const levelRaw = args.options.get('level') ?? '';
  const level = parseLevel(levelRaw);
  if (!level) {
    io.stderr.write(`${t('calendar.cli.badLevel', { level: levelRaw })}\n${usage()}`);
    return EXIT.unreadable;
  }
  const yearRaw = args.options.get('year') ?? '';
  const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    io.stderr.write(`${t('calendar.cli.badYear', { year: yearRaw })}\n${usage()}`);
    return EXIT.unreadable;
  }
  const deadlines = annualDeadlines(level, year);
  if (args.flags.has('json')) {
    io.stdout.write(`${JSON.stringify({ level, reportYear: year, deadlines: deadlines.map((d) => ({ id: d.id, date: d.date })) }, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [t('calendar.cli.heading', { year, level: t(`calendar.level.${level}`) })];
  for (const d of deadlines) {
    lines.push(`  ${t(`calendar.deadline.${d.id}`)}  ${t('calendar.fullDate', { year: year + 1, month: d.month, day: d.day })}  ${t(`calendar.to.${d.id}.${level === 'township' || level.endsWith('-gov') || level === 'province' ? 'gov' : 'dept'}`)}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
