/** The value after a command-line flag (`--scale 50k` → '50k'), or undefined without the flag. */
export function flagValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
