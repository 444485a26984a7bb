import type { ApiEnvironment } from '../shared/env';
import { secretKeySource } from '../shared/secret-key-source';
import type { CursorKeySource } from '../store/cursor';

/**
 * Where the API's cursor key comes from (docs/security.md, Cursors): `CURSOR_KEY` (the local
 * server, tests), or on AWS the deployment's generated secret (`CURSOR_KEY_SECRET_ARN`), read
 * when a container first pages a list (shared/secret-key-source.ts).
 */
export function cursorKeySource(environment: ApiEnvironment): CursorKeySource | undefined {
  return secretKeySource({ name: 'cursor key secret', material: environment.CURSOR_KEY, secretArn: environment.CURSOR_KEY_SECRET_ARN, region: environment.AWS_REGION });
}
