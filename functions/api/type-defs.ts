import activity from '../../schema/activity.graphql';
import common from '../../schema/common.graphql';
import compliance from '../../schema/compliance.graphql';
import district from '../../schema/district.graphql';
import dutyPolicy from '../../schema/duty-policy.graphql';
import grid from '../../schema/grid.graphql';
import issue from '../../schema/issue.graphql';
import officer from '../../schema/officer.graphql';
import privacy from '../../schema/privacy.graphql';
import photo from '../../schema/photo.graphql';
import resident from '../../schema/resident.graphql';
import roster from '../../schema/roster.graphql';
import station from '../../schema/station.graphql';
import webhook from '../../schema/webhook.graphql';

/** The SDL, one file per aggregate (schema/); the same files drive codegen. */
const documentedTypeDefs = [common, district, station, grid, officer, issue, photo, dutyPolicy, activity, roster, compliance, webhook, privacy, resident];

/**
 * What the schema is built from. The deploy bundles define `process.env.GRAPHQL_SDL` as
 * `"served"` at build time (infra/api-bundling.ts): they carry the same schema without its
 * descriptions (generated/served-sdl.ts, written by `npm run codegen`), since production serves no
 * introspection, and esbuild drops the files above from them. Everywhere else (the local server,
 * which serves introspection and its explorer, tests, scripts) the documented files. The test is
 * written out at each use: esbuild drops a branch, and the files only it imports, when the
 * condition itself is the constant.
 */
export const typeDefs: string[] = process.env.GRAPHQL_SDL === 'served' ? [(require('./generated/served-sdl') as typeof import('./generated/served-sdl')).servedSdl] : documentedTypeDefs;
