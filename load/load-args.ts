import { parseArgs } from 'node:util';
import type { LoadOptions } from './run-load';

/** `--duration <s>` (default 60) and `--connections <n>` (default 50), each a whole number from 1 to 1000. */
export function parseLoadArgs(argv: string[]): LoadOptions {
  const { values } = parseArgs({ args: argv, options: { duration: { type: 'string' }, connections: { type: 'string' } }, strict: true, allowPositionals: false });
  const wholeNumber = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > 1000) throw new Error(`--${name} must be a whole number from 1 to 1000, not "${value}"`);
    return number;
  };
  return { durationSeconds: wholeNumber('duration', values.duration, 60), connections: wholeNumber('connections', values.connections, 50) };
}
