import { cursorKey, type CursorKey } from '../../functions/store/cursor';

/** The fixed cursor key material of every test store and test handler, so tests can open and forge cursors; never deployed. */
export const TEST_CURSOR_KEY = 'test cursor key: fixed, for tests alone';

export const testCursorKey = (): CursorKey => cursorKey(TEST_CURSOR_KEY);
