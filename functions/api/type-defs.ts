import common from '../../schema/common.graphql';
import district from '../../schema/district.graphql';
import grid from '../../schema/grid.graphql';
import issue from '../../schema/issue.graphql';
import officer from '../../schema/officer.graphql';
import station from '../../schema/station.graphql';

/** The SDL, one file per aggregate (schema/); the same files drive codegen. */
export const typeDefs = [common, district, station, grid, officer, issue];
