import type { Instance } from './instance';

const FREE = -1;

/**
 * Who is on which slot, kept consistent with the per-officer views the rules need: the slot an
 * officer works on each day (one shift a day) and their weekly minutes. A slot is in use when
 * it has all of its units; only `extras` (party members added for the soft rule) come on top.
 */
export class Assignment {
  readonly units: number[][];
  readonly extras: number[][];
  private readonly onDay: Int32Array;
  readonly minutes: Int32Array;

  constructor(private readonly instance: Instance) {
    this.units = instance.slots.map(() => []);
    this.extras = instance.slots.map(() => []);
    this.onDay = new Int32Array(instance.officers.length * 7).fill(FREE);
    this.minutes = new Int32Array(instance.officers.length);
  }

  /** The slot `officer` works on `day`, or -1. */
  slotOn(officer: number, day: number): number {
    return this.onDay[officer * 7 + day]!;
  }

  isUsed(slot: number): boolean {
    return this.units[slot]!.length >= this.instance.units;
  }

  usedSlots(station: number): number[] {
    return this.instance.stationSlots[station]!.filter((slot) => this.isUsed(slot));
  }

  /** Every hard rule for one more shift: available that day, free that day, within the weekly cap. */
  canTake(officer: number, slot: number): boolean {
    const { day, minutes } = this.instance.slots[slot]!;
    return (
      this.instance.available[officer]![day]! &&
      this.slotOn(officer, day) === FREE &&
      this.minutes[officer]! + minutes <= this.instance.cap[officer]!
    );
  }

  assign(officer: number, slot: number, asExtra = false): void {
    const { day, minutes } = this.instance.slots[slot]!;
    (asExtra ? this.extras : this.units)[slot]!.push(officer);
    this.onDay[officer * 7 + day] = slot;
    this.minutes[officer]! += minutes;
  }

  unassign(officer: number, slot: number): void {
    const { day, minutes } = this.instance.slots[slot]!;
    const list = this.units[slot]!;
    list.splice(list.indexOf(officer), 1);
    this.onDay[officer * 7 + day] = FREE;
    this.minutes[officer]! -= minutes;
  }

  /** Fairness order: fewest minutes first, party members before others on a tie, then id order. */
  readonly compare = (a: number, b: number): number => {
    const officers = this.instance.officers;
    return this.minutes[a]! - this.minutes[b]! || Number(officers[b]!.partyMember) - Number(officers[a]!.partyMember) || a - b;
  };

  /** The first `count` candidates in fairness order (a partial selection: candidate lists can be district-wide). */
  best(candidates: readonly number[], count: number): number[] {
    const chosen: number[] = [];
    while (chosen.length < count) {
      let pick = -1;
      for (const candidate of candidates) {
        if (!chosen.includes(candidate) && (pick === -1 || this.compare(candidate, pick) < 0)) pick = candidate;
      }
      if (pick === -1) break;
      chosen.push(pick);
    }
    return chosen;
  }
}
