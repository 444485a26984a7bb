import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSchema } from 'graphql';
import { PUBLIC_OPERATIONS } from '../../../functions/api/public-operations';
import { buildPublicSchema } from '../../../functions/api/public-schema';
import { buildExecutableSchema } from '../../../functions/api/schema';
import { PUBLIC_SDL_FILE, printPublicSdl } from '../../../functions/local/public-sdl';

const schema = buildPublicSchema();

describe('public schema', () => {
  test('given the committed public SDL, when compared with the projection of the staff SDL to the public operations, then it has not drifted (npm run schema:public)', () => {
    expect(readFileSync(join(__dirname, '..', '..', '..', PUBLIC_SDL_FILE), 'utf8')).toBe(printPublicSdl());
  });

  test('given the list of public operations, when the public schema is built, then its root fields are exactly those', () => {
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual([...PUBLIC_OPERATIONS.Query].sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual([...PUBLIC_OPERATIONS.Mutation].sort());
  });

  test('given the public schema, when validated with every check the fast build skips, then it is valid', () => {
    expect(validateSchema(schema)).toEqual([]);
  });

  test('given types only staff operations reach, when the public schema is read, then it has none of them', () => {
    for (const staffOnly of ['AuditRecord', 'ComplianceReport', 'IssueStats', 'UpdateStationInput']) expect(schema.getType(staffOnly)).toBeUndefined();
  });

  test('given a public type, when its fields are compared with the staff schema, then it reads the same on both routes', () => {
    const staff = buildExecutableSchema();
    for (const typeName of ['PublicStation', 'ReportIssuePayload', 'ReportIssueInput']) {
      expect(Object.keys((schema.getType(typeName) as any).getFields())).toEqual(Object.keys((staff.getType(typeName) as any).getFields()));
    }
  });

  test('given every public root field, when its resolver is looked up, then it has one of its own', () => {
    for (const [rootType, fields] of [[schema.getQueryType()!, PUBLIC_OPERATIONS.Query], [schema.getMutationType()!, PUBLIC_OPERATIONS.Mutation]] as const) {
      for (const field of fields) expect(rootType.getFields()[field]!.resolve).toEqual(expect.any(Function));
    }
  });
});
