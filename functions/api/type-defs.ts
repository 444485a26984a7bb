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
export const typeDefs = [common, district, station, grid, officer, issue, photo, dutyPolicy, activity, roster, compliance, webhook, privacy, resident];
