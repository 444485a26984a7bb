import type { ShiftWindow } from '../duty-policy';
import { daysOfWeek, localInstant, windowMinutes, type WeekDay } from '../duty/iso-week';
import { isEnforcementRole } from '../duty/enforcement';
import type { RosterInput, RosterOfficer } from './types';

/** A place a shift may go: one station, one day, one policy window. */
export interface Slot {
  index: number;
  station: number;
  day: number;
  window: ShiftWindow;
  minutes: number;
  startsAt: string;
  endsAt: string;
}

/**
 * The planner's indexed view of its input. Stations and officers are in id order and every
 * loop runs in index order, so ties always break the same way: that is what makes the plan a
 * pure function of its input.
 */
export interface Instance {
  days: WeekDay[];
  stationIds: string[];
  officers: RosterOfficer[];
  slots: Slot[];
  /** Per station, its slots in order of preference (spread days first, then the nearest others). */
  stationSlots: number[][];
  /** Per station, the days its sessions ideally fall on, spread over the week. */
  idealDays: number[][];
  /** Sessions every station needs a week (the policy's minimum). */
  sessions: number;
  /** Per station, the sessions the slots can hold. */
  demand: number[];
  /** Per station, sessions beyond the days available (distinct days required). */
  excessDemand: number[];
  /** True when no policy window is long enough for a session. */
  noWindow: boolean;
  /** Officers a shift needs (≥ 1), all of them qualifying. */
  units: number;
  /** Per officer, its home station's index, or -1. */
  home: number[];
  /** Per officer: may fill a shift's units (an enforcement officer, or anyone when none is required). */
  qualifies: boolean[];
  /** Per officer and day: neither an unavailable weekday nor leave. */
  available: boolean[][];
  cap: number[];
  /** Per station, its qualifying home officers. */
  homeOfficers: number[][];
  /** Per station, all of its home officers, whatever their role. */
  homeTeam: number[][];
  /** Per day, the qualifying officers available that day. */
  dayOfficers: number[][];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Ideal days for `sessions` sessions, spread evenly and shifted per station so daily load is even too. */
function spreadDays(stationIndex: number, sessions: number): number[] {
  const days: number[] = [];
  for (let k = 0; k < Math.min(sessions, 7); k += 1) {
    const day = (stationIndex + Math.round((k * 7) / sessions)) % 7;
    if (!days.includes(day)) days.push(day);
  }
  return days;
}

/** Days ordered by preference: the ideal ones, then the others by distance to the nearest ideal day. */
function dayPreference(ideal: number[]): number[] {
  const distance = (day: number) => Math.min(...ideal.map((target) => Math.min(Math.abs(day - target), 7 - Math.abs(day - target))));
  const others = [0, 1, 2, 3, 4, 5, 6].filter((day) => !ideal.includes(day)).sort((a, b) => distance(a) - distance(b) || a - b);
  return [...ideal, ...others];
}

/**
 * Staggered (错时): a station's k-th spread-out session gets window k (shifted per station), so
 * its consecutive sessions, and neighbouring stations, fall in different windows.
 */
function staggeredWindow(stationIndex: number, ideal: number[], day: number, windowCount: number): number {
  const ordinal = ideal.indexOf(day);
  return (stationIndex + (ordinal >= 0 ? ordinal : day)) % windowCount;
}

export function buildInstance(input: RosterInput): Instance {
  const { policy } = input;
  const days = daysOfWeek(input.week, input.timezone);
  const stationIds = input.stations.filter((station) => station.active).sort(byId).map((station) => station.id);
  const stationIndex = new Map(stationIds.map((id, index) => [id, index]));
  const officers = input.officers.filter((officer) => officer.active).sort(byId);
  const windows = policy.shiftWindows.filter((window) => windowMinutes(window) >= policy.minSessionMinutes);
  const sessions = policy.minSessionsPerWeek;

  const slots: Slot[] = [];
  const stationSlots: number[][] = [];
  const idealDays: number[][] = [];
  const demand: number[] = [];
  const excessDemand: number[] = [];
  stationIds.forEach((_id, station) => {
    const ideal = spreadDays(station, sessions);
    idealDays.push(ideal);
    const preferred: number[] = [];
    const addSlot = (day: number, window: ShiftWindow) => {
      const date = days[day]!.date;
      preferred.push(slots.length);
      slots.push({
        index: slots.length,
        station,
        day,
        window,
        minutes: windowMinutes(window),
        startsAt: localInstant(date, window.start, input.timezone),
        endsAt: localInstant(date, window.end, input.timezone),
      });
    };
    const order = dayPreference(ideal);
    if (windows.length > 0) {
      for (const day of order) addSlot(day, windows[staggeredWindow(station, ideal, day, windows.length)]!);
      if (!policy.sessionsOnDistinctDays) {
        for (let shift = 1; shift < windows.length; shift += 1) {
          for (const day of order) addSlot(day, windows[(staggeredWindow(station, ideal, day, windows.length) + shift) % windows.length]!);
        }
      }
    }
    stationSlots.push(preferred);
    demand.push(Math.min(sessions, preferred.length));
    excessDemand.push(windows.length > 0 ? sessions - Math.min(sessions, preferred.length) : 0);
  });

  const units = Math.max(1, policy.minEnforcementPerSession);
  const qualifies = officers.map((officer) => policy.minEnforcementPerSession === 0 || isEnforcementRole(officer.role));
  const home = officers.map((officer) => (officer.stationId !== undefined ? (stationIndex.get(officer.stationId) ?? -1) : -1));
  const officerIndex = new Map(officers.map((officer, index) => [officer.id, index]));
  const available = officers.map((officer) => days.map((day) => !officer.unavailableWeekdays.includes(day.weekday)));
  for (const leave of input.leave) {
    const officer = officerIndex.get(leave.officerId);
    if (officer === undefined) continue;
    days.forEach((day) => {
      if (day.date >= leave.from && day.date <= leave.to) available[officer]![day.index] = false;
    });
  }
  const cap = officers.map((officer) => officer.maxWeeklyDutyMinutes ?? policy.maxWeeklyDutyMinutes);
  const homeOfficers = stationIds.map(() => [] as number[]);
  const homeTeam = stationIds.map(() => [] as number[]);
  const dayOfficers = days.map(() => [] as number[]);
  officers.forEach((_officer, index) => {
    if (home[index]! >= 0) homeTeam[home[index]!]!.push(index);
    if (!qualifies[index]) return;
    if (home[index]! >= 0) homeOfficers[home[index]!]!.push(index);
    days.forEach((day) => {
      if (available[index]![day.index]) dayOfficers[day.index]!.push(index);
    });
  });

  return {
    days,
    stationIds,
    officers,
    slots,
    stationSlots,
    idealDays,
    sessions,
    demand,
    excessDemand,
    noWindow: windows.length === 0,
    units,
    home,
    qualifies,
    available,
    cap,
    homeOfficers,
    homeTeam,
    dayOfficers,
  };
}
