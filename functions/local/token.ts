import { signLocalToken } from './local-auth';
import { resolveDataDir } from './paths';
import { loadOrCreateSigningKey } from './signing-key';
import { parseTokenArgs } from './token-args';

/**
 * `npm run -s token -- --role ADMIN --district dingnan [--officer ID]`: prints a bearer token
 * the local server accepts, and nothing else, so `TOKEN=$(npm run -s token -- ...)` works.
 * Bad flags: one line on stderr, exit 2.
 */
async function main(): Promise<void> {
  let identity;
  try {
    identity = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const key = await loadOrCreateSigningKey(resolveDataDir());
  process.stdout.write(`${await signLocalToken(key, identity)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
