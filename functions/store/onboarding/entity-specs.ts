import type { Store } from '../client';
import type { GridRecord, GridRepository } from '../grids';
import { uniqueClaimKey } from '../keys';
import type { OfficerRecord, OfficerRepository } from '../officers';
import type { StationRecord, StationRepository } from '../stations';
import type { GuardedWrite } from '../transact';
import { claimUnique } from '../unique-claim';
import { DistrictSyncError } from './district-sync-error';
import type { EntitySpec } from './sync-entity';

type ClaimKind = 'SERVICE_CODE' | 'GRID_CODE';

/**
 * Claim items keep service codes and grid codes unique in the district. When the file changes
 * a code, the new one is claimed and the old one released in the entity's own transaction, so
 * the public lookup never finds a code pointing nowhere or two stations sharing one.
 */
function moveClaim(
  store: Store,
  districtId: string,
  kind: ClaimKind,
  owner: { attribute: 'stationId' | 'gridId'; id: string },
  from: string,
  to: string,
  path: string,
): GuardedWrite[] {
  if (from === to) return [];
  return [
    takeClaim(store, districtId, kind, owner, to, path),
    {
      item: {
        Delete: {
          TableName: store.tableName,
          Key: uniqueClaimKey(districtId, kind, from),
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': owner.attribute },
          ExpressionAttributeValues: { ':owner': owner.id },
        },
      },
      onConditionFailed: (options) => new DistrictSyncError(`${path}: the old code ${from} is not held by ${owner.id}`, options),
    },
  ];
}

function takeClaim(
  store: Store,
  districtId: string,
  kind: ClaimKind,
  owner: { attribute: 'stationId' | 'gridId'; id: string },
  code: string,
  path: string,
): GuardedWrite {
  return claimUnique(store, uniqueClaimKey(districtId, kind, code), { [owner.attribute]: owner.id }, (options) =>
    new DistrictSyncError(`${path}: ${code} is already used by another ${kind === 'SERVICE_CODE' ? 'station' : 'grid'} of the district`, options),
  );
}

export function stationSpec(store: Store, stations: StationRepository): EntitySpec<StationRecord> {
  const owner = (id: string) => ({ attribute: 'stationId' as const, id });
  return {
    repository: stations,
    creating: (item, path) => [takeClaim(store, item.districtId, 'SERVICE_CODE', owner(item.id), item.serviceCode, `${path}.serviceCode`)],
    changing: (current, next, path) =>
      moveClaim(store, current.districtId, 'SERVICE_CODE', owner(current.id), current.serviceCode, next.serviceCode, `${path}.serviceCode`),
  };
}

export function officerSpec(officers: OfficerRepository, stations: StationRepository): EntitySpec<OfficerRecord> {
  const stationCheck = (officer: OfficerRecord, path: string) =>
    officer.stationId ? [stations.mustExist(officer.districtId, officer.stationId, `${path}.stationId`)] : [];
  return {
    repository: officers,
    creating: (item, path) => stationCheck(item, path),
    changing: (current, next, path) => (next.stationId !== current.stationId ? stationCheck(next, path) : []),
  };
}

/**
 * A grid's station, leader and members must exist. On a change only newly referenced ones are
 * checked, which keeps the transaction within DynamoDB's 100 items: the grid, two claim
 * writes, the station and at most 96 officers (95 members and a leader).
 */
export function gridSpec(store: Store, grids: GridRepository, stations: StationRepository, officers: OfficerRepository): EntitySpec<GridRecord> {
  const owner = (id: string) => ({ attribute: 'gridId' as const, id });
  const checks = (grid: GridRecord, path: string, before?: GridRecord): GuardedWrite[] => {
    const known = new Set(before ? [...(before.leaderId ? [before.leaderId] : []), ...before.officerIds] : []);
    const members = new Map<string, string>();
    if (grid.leaderId && !known.has(grid.leaderId)) members.set(grid.leaderId, `${path}.leaderId`);
    grid.officerIds.forEach((officerId, index) => {
      if (!known.has(officerId) && !members.has(officerId)) members.set(officerId, `${path}.officerIds.${index}`);
    });
    return [
      ...(before?.stationId === grid.stationId ? [] : [stations.mustExist(grid.districtId, grid.stationId, `${path}.stationId`)]),
      ...[...members].map(([officerId, memberPath]) => officers.mustExist(grid.districtId, officerId, memberPath)),
    ];
  };
  return {
    repository: grids,
    creating: (item, path) => [takeClaim(store, item.districtId, 'GRID_CODE', owner(item.id), item.code, `${path}.code`), ...checks(item, path)],
    changing: (current, next, path) => [
      ...moveClaim(store, current.districtId, 'GRID_CODE', owner(current.id), current.code, next.code, `${path}.code`),
      ...checks(next, path, current),
    ],
  };
}
