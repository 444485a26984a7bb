import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../domain/caller';
import type { LocalIdentity } from './local-auth';
import { DISTRICT_ID_PATTERN } from '../domain/vocabulary';

export const TOKEN_USAGE = `usage: npm run -s token -- --role <${ROLES.join('|')}> --district <id> [--officer <officer id>]`;

/** Parses the token CLI's flags; throws one Error with a one-line message on anything wrong. */
export function parseTokenArgs(argv: string[]): LocalIdentity {
  let values: { role?: string; district?: string; officer?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { role: { type: 'string' }, district: { type: 'string' }, officer: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${TOKEN_USAGE}`);
  }
  if (!values.role) throw new Error(`--role is required; ${TOKEN_USAGE}`);
  if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}, not "${values.role}"`);
  if (!values.district) throw new Error(`--district is required; ${TOKEN_USAGE}`);
  if (!DISTRICT_ID_PATTERN.test(values.district)) {
    throw new Error(`--district must be a district id (lower-case letters, digits, dashes), not "${values.district}"`);
  }
  if (values.officer !== undefined && values.officer.trim() === '') throw new Error('--officer needs an officer id');
  return {
    role: values.role,
    district: values.district,
    ...(values.officer !== undefined ? { officerId: values.officer } : {}),
  };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
