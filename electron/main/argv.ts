/**
 * The .gwdraft file the OS asked us to open (double-click, file association), from a
 * process argv: Windows passes it as an argument, both at first start and to the
 * `second-instance` event. Pure, so it is unit-tested.
 */
export function draftPathFromArgv(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    if (/\.gwdraft$/i.test(arg)) return arg;
  }
  return null;
}
