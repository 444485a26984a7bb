import { GraphQLEnumType, buildASTSchema, concatAST, parse } from 'graphql';
import { typeDefs } from '../../../functions/api/type-defs';
import {
  COORDINATE_SYSTEMS,
  DISTRICT_ID_PATTERN,
  ISSUE_CATEGORIES,
  ISSUE_PRIORITIES,
  ISSUE_SOURCES,
  ISSUE_STATUSES,
  OFFICER_ROLES,
  SATISFACTIONS,
  STATION_KINDS,
  WEEKDAYS,
  districtIdSchema,
} from '../../../functions/domain/vocabulary';

const schema = buildASTSchema(concatAST(typeDefs.map((sdl) => parse(sdl))));
const enumValues = (name: string): string[] => (schema.getType(name) as GraphQLEnumType).getValues().map((value) => value.name);

test.each([
  ['OfficerRole', OFFICER_ROLES],
  ['Weekday', WEEKDAYS],
  ['StationKind', STATION_KINDS],
  ['IssueCategory', ISSUE_CATEGORIES],
  ['IssuePriority', ISSUE_PRIORITIES],
  ['IssueSource', ISSUE_SOURCES],
  ['IssueStatus', ISSUE_STATUSES],
  ['Satisfaction', SATISFACTIONS],
  ['CoordinateSystem', COORDINATE_SYSTEMS],
])('given the domain vocabulary, when the SDL enum %s is read, then it lists exactly the same words in the same order', (name, words) => {
  expect(enumValues(name)).toEqual([...words]);
});

test.each(['dingnan', 'xian-gangwu', 'a1'])('given the district id %s, when checked, then it is accepted', (id) => {
  expect(DISTRICT_ID_PATTERN.test(id)).toBe(true);
  expect(districtIdSchema.safeParse(id).success).toBe(true);
});

test.each(['', 'd', 'Dingnan', '1abc', '../etc', 'a'.repeat(41), 'ding nan'])('given the malformed district id "%s", when checked, then it is refused with a message naming what a district id is', (id) => {
  expect(DISTRICT_ID_PATTERN.test(id)).toBe(false);
  expect(districtIdSchema.safeParse(id).error?.issues[0]?.message).toMatch(/district id/);
});
