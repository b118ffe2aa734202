/** A tiny argv reader: flags (--json), options with a value (--out X, --lang=en-US) and the rest as files. */
export interface ParsedArgs {
  files: string[];
  flags: Set<string>;
  options: Map<string, string>;
  unknown: string[];
}

export function parseArgs(argv: readonly string[], flagNames: readonly string[], optionNames: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { files: [], flags: new Set(), options: new Map(), unknown: [] };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyFiles || !arg.startsWith('--') ) {
      out.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq > 0 ? arg.slice(2, eq) : arg.slice(2)).toLowerCase();
    if (flagNames.includes(name) && eq < 0) out.flags.add(name);
    else if (optionNames.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) out.unknown.push(arg);
      else out.options.set(name, value);
    } else out.unknown.push(arg);
  }
  return out;
}
