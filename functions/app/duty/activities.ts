import { randomUUID } from 'node:crypto';
import { requireActivityPlace, requireActivityWriter, requireOperation, type OfficerPlaces } from '../../domain/access-rules';
import { requireCaller, type Caller } from '../../domain/caller';
import { localDateOf, minutesBetween, weekOfInstant } from '../../domain/duty/iso-week';
import { checkExpectedVersion } from '../../domain/expected-version';
import { inZone } from '../../domain/time';
import { deleteActivityArguments, recordActivityArguments, updateActivityArguments, verifyActivityArguments } from '../../domain/validation/duty-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { NotFoundError } from '../../shared/errors';
import type { ActivityFields, ActivityRecord } from '../../store/activities';
import type { GuardedWrite } from '../../store/transact';
import type { Services } from '../services';

/**
 * Activities (docs/duty.md, Activities): who may record them and where, and supervisor
 * verification, the evidence a service session needs to count when its officers did not check in.
 */

async function timezoneOf(services: Services, districtId: string): Promise<string> {
  const district = await services.districts.get(districtId);
  if (!district) throw new NotFoundError('District', districtId);
  return district.timezone;
}

async function normalized(services: Services, districtId: string, fields: ActivityFields) {
  const timezone = await timezoneOf(services, districtId);
  const startsAt = inZone(fields.startsAt, timezone);
  const endsAt = inZone(fields.endsAt, timezone);
  const week = weekOfInstant(startsAt, timezone);
  return { fields: { ...fields, startsAt, endsAt }, derived: { week, durationMinutes: minutesBetween(startsAt, endsAt) }, date: localDateOf(startsAt, timezone) };
}

/** The recording officer's home station and the stations they are rostered at on `date` (of `week`). */
function placesOf(services: Services, caller: Caller, week: string, date: string): () => Promise<OfficerPlaces> {
  return async () => {
    const [officer, roster] = await Promise.all([
      caller.officerId ? services.officers.get(caller.districtId, caller.officerId) : undefined,
      services.duty.rosters.read(caller.districtId, week),
    ]);
    const rostered = (roster?.shifts ?? []).filter((shift) => shift.date === date && !!caller.officerId && shift.officerIds.includes(caller.officerId));
    return { homeStationId: officer?.stationId, rosteredStationIds: rostered.map((shift) => shift.stationId) };
  };
}

/** The referenced station, grid and officers must exist in the caller's district (checked in the write's transaction). */
function referenceChecks(services: Services, districtId: string, fields: Partial<ActivityFields>): GuardedWrite[] {
  const { stations, grids, officers } = services;
  return [
    ...(fields.stationId ? [stations.mustExist(districtId, fields.stationId, 'input.stationId')] : []),
    ...(fields.gridId ? [grids.mustExist(districtId, fields.gridId, 'input.gridId')] : []),
    ...(fields.officerIds ?? []).map((id, index) => officers.mustExist(districtId, id, `input.officerIds.${index}`)),
  ];
}

/** recordActivity: ADMIN, SUPERVISOR, or an OFFICER among its officers at their home station or one they are rostered at that day. */
export async function recordActivity(services: Services, caller: Caller | undefined, args: unknown): Promise<ActivityRecord> {
  const { input } = parseArguments(recordActivityArguments, args);
  const known = requireActivityWriter(caller, input.officerIds);
  const { districtId } = known;
  const { fields, derived, date } = await normalized(services, districtId, input);
  await requireActivityPlace(known, { stationId: fields.stationId, date }, placesOf(services, known, derived.week, date));
  const { activities } = services.duty;
  const activity = { ...activities.record(districtId, randomUUID(), fields, derived, services.clock().toISOString()), recordedBy: known.subject };
  return activities.create(activity, referenceChecks(services, districtId, fields));
}

/** updateActivity: the same rules for the activity as it was and as it will be; the change clears any verification. */
export async function updateActivity(services: Services, caller: Caller | undefined, args: unknown): Promise<ActivityRecord> {
  const known = requireCaller(caller);
  const { input } = parseArguments(updateActivityArguments, args);
  const { id, expectedVersion, ...change } = input;
  const { activities } = services.duty;
  const current = await activities.get(known.districtId, id);
  if (!current) throw new NotFoundError('Activity', id);
  requireActivityWriter(known, current.officerIds);
  checkExpectedVersion(`Activity ${id}`, current, expectedVersion);
  const merged: Record<string, unknown> = { ...pickFields(current) };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  const { input: checked } = parseArguments(recordActivityArguments, { input: merged });
  requireActivityWriter(known, checked.officerIds);
  const { fields, derived, date } = await normalized(services, known.districtId, checked);
  await requireActivityPlace(known, { stationId: fields.stationId, date }, placesOf(services, known, derived.week, date));
  const next: ActivityRecord = {
    ...activities.record(known.districtId, id, fields, derived, current.createdAt),
    ...(current.recordedBy ? { recordedBy: current.recordedBy } : {}),
    version: current.version + 1,
    updatedAt: services.clock().toISOString(),
  };
  const changedReferences = { stationId: change.stationId ?? undefined, gridId: change.gridId ?? undefined, officerIds: change.officerIds ?? undefined };
  return activities.replace(current, next, referenceChecks(services, known.districtId, changedReferences));
}

export async function deleteActivity(services: Services, caller: Caller | undefined, args: unknown): Promise<ActivityRecord> {
  const known = requireCaller(caller);
  const { id, expectedVersion } = parseArguments(deleteActivityArguments, args);
  const current = await services.duty.activities.get(known.districtId, id);
  if (!current) throw new NotFoundError('Activity', id);
  requireActivityWriter(known, current.officerIds);
  return services.duty.activities.delete(known.districtId, id, expectedVersion ?? current.version);
}

/**
 * verifyActivity (SUPERVISOR): records who verified the activity and when, so its officers count
 * towards compliance without a check-in. Verifying a verified activity changes nothing.
 */
export async function verifyActivity(services: Services, caller: Caller | undefined, args: unknown): Promise<ActivityRecord> {
  const known = requireOperation(caller, 'verifyActivity');
  const { id, expectedVersion } = parseArguments(verifyActivityArguments, args);
  const current = await services.duty.activities.get(known.districtId, id);
  if (!current) throw new NotFoundError('Activity', id);
  checkExpectedVersion(`Activity ${id}`, current, expectedVersion);
  if (current.verifiedAt) return current;
  const at = inZone(services.clock().toISOString(), await timezoneOf(services, known.districtId));
  return services.duty.activities.verify(current, known.subject, at);
}

/** The writable fields of a stored activity, as an update starts from them. */
function pickFields(activity: ActivityRecord): ActivityFields {
  const { kind, title, stationId, gridId, startsAt, endsAt, officerIds, peopleReached, materialsDistributed, issuesFound, notes } = activity;
  return { kind, title, stationId, gridId, startsAt, endsAt, officerIds, peopleReached, materialsDistributed, issuesFound, notes };
}
