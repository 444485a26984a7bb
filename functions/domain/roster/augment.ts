import type { Assignment } from './assignment';
import type { Instance } from './instance';

/**
 * Fills what the greedy pass left open with augmenting paths, so the number of filled sessions
 * is the maximum any assignment could reach. The flow network (one officer per shift):
 *
 *   source → station (its sessions) → station-day slot (1) → officer-day (1) → officer (weekly cap) → sink
 *
 * A path may move a session to another day, hand a shift to another officer, or have an officer
 * swap days. With windows of equal length the officer's cap is a whole number of shifts and this
 * is an exact maximum flow; with unequal windows the cap is checked in minutes along the path and
 * again when it is applied, so the hard rules still hold.
 *
 * Two facts keep it fast on district-sized inputs: every station may borrow every qualifying
 * officer, so the officers of a day are reached once per search however many slots are on that
 * day; and a node a failed search reached can never reach the sink later (augmenting elsewhere
 * only adds residual edges between nodes that search did not reach), so it is pruned for good.
 */
export function augmentToMaximum(instance: Instance, assignment: Assignment): void {
  if (instance.units !== 1) return;
  const search = new AugmentingSearch(instance, assignment);
  instance.stationIds.forEach((_id, station) => {
    while (assignment.usedSlots(station).length < instance.demand[station]! && search.augmentFrom(station));
  });
}

const FREE = -1;

class AugmentingSearch {
  private readonly stationCount: number;
  private readonly slotBase: number;
  private readonly officerDayBase: number;
  private readonly officerBase: number;
  private readonly parent: Int32Array;
  private readonly seen: Int32Array;
  private readonly dead: Uint8Array;
  private readonly gain: Int32Array;
  private readonly queue: Int32Array;
  private epoch = 0;
  private remaining: (number[] | undefined)[] = [];

  constructor(
    private readonly instance: Instance,
    private readonly assignment: Assignment,
  ) {
    this.stationCount = instance.stationIds.length;
    this.slotBase = this.stationCount;
    this.officerDayBase = this.slotBase + instance.slots.length;
    this.officerBase = this.officerDayBase + instance.officers.length * 14;
    const size = this.officerBase + instance.officers.length;
    this.parent = new Int32Array(size);
    this.seen = new Int32Array(size);
    this.dead = new Uint8Array(size);
    this.gain = new Int32Array(size);
    this.queue = new Int32Array(size);
  }

  private dayIn = (officer: number, day: number) => this.officerDayBase + (officer * 7 + day) * 2;

  /** One more session for `station`; false when no assignment can give it one. */
  augmentFrom(station: number): boolean {
    this.epoch += 1;
    this.remaining = [];
    let head = 0;
    let tail = 0;
    const visited: number[] = [];
    const visit = (node: number, from: number, gain: number) => {
      if (this.seen[node] === this.epoch || this.dead[node]) return;
      this.seen[node] = this.epoch;
      this.parent[node] = from;
      this.gain[node] = gain;
      this.queue[tail++] = node;
      visited.push(node);
    };
    visit(station, -1, 0);
    while (head < tail) {
      const node = this.queue[head++]!;
      const reachedSink = this.expand(node, visit);
      if (reachedSink && this.apply(node)) return true;
    }
    for (const node of visited) this.dead[node] = 1;
    return false;
  }

  /** Visits the residual neighbours of `node`; true when it is an officer who can take the new minutes. */
  private expand(node: number, visit: (node: number, from: number, gain: number) => void): boolean {
    const { instance, assignment } = this;
    if (node < this.slotBase) {
      for (const slot of instance.stationSlots[node]!) if (!assignment.isUsed(slot)) visit(this.slotBase + slot, node, 0);
      return false;
    }
    if (node < this.officerDayBase) {
      const slot = node - this.slotBase;
      const { day, station, minutes } = instance.slots[slot]!;
      if (assignment.isUsed(slot)) visit(station, node, 0);
      const list = (this.remaining[day] ??= [...instance.dayOfficers[day]!]);
      const kept: number[] = [];
      for (const officer of list) {
        if (assignment.units[slot]!.includes(officer)) kept.push(officer);
        else visit(this.dayIn(officer, day), node, minutes);
      }
      this.remaining[day] = kept;
      return false;
    }
    if (node < this.officerBase) {
      const offset = node - this.officerDayBase;
      const officer = Math.floor(offset / 14);
      const day = Math.floor(offset / 2) % 7;
      const busyOn = assignment.slotOn(officer, day);
      const isIn = offset % 2 === 0;
      if (isIn) {
        if (busyOn === FREE) visit(node + 1, node, this.gain[node]!);
        else visit(this.slotBase + busyOn, node, 0);
      } else if (busyOn === FREE) visit(this.officerBase + officer, node, this.gain[node]!);
      else visit(node - 1, node, 0);
      return false;
    }
    const officer = node - this.officerBase;
    const gain = this.gain[node]!;
    const spare = instance.cap[officer]! - assignment.minutes[officer]!;
    if (gain <= spare) return true;
    for (let day = 0; day < 7; day += 1) {
      const busyOn = assignment.slotOn(officer, day);
      if (busyOn !== FREE && gain - instance.slots[busyOn]!.minutes <= spare) visit(this.dayIn(officer, day) + 1, node, 0);
    }
    return false;
  }

  /** Flips the path ending at `officerNode`: officers leave the slots they are taken from, then join the new ones. */
  private apply(officerNode: number): boolean {
    const leave: [number, number][] = [];
    const join: [number, number][] = [];
    for (let node = officerNode; this.parent[node] !== -1; node = this.parent[node]!) {
      const from = this.parent[node]!;
      const fromSlot = from >= this.slotBase && from < this.officerDayBase;
      const toSlot = node >= this.slotBase && node < this.officerDayBase;
      if (fromSlot && node >= this.officerDayBase && node < this.officerBase) {
        join.push([Math.floor((node - this.officerDayBase) / 14), from - this.slotBase]);
      } else if (toSlot && from >= this.officerDayBase && from < this.officerBase) {
        leave.push([Math.floor((from - this.officerDayBase) / 14), node - this.slotBase]);
      }
    }
    for (const [officer, slot] of leave) this.assignment.unassign(officer, slot);
    for (const [officer, slot] of join) this.assignment.assign(officer, slot);
    const withinCaps = join.every(([officer]) => this.assignment.minutes[officer]! <= this.instance.cap[officer]!);
    if (withinCaps) return true;
    for (const [officer, slot] of join) this.assignment.unassign(officer, slot);
    for (const [officer, slot] of leave) this.assignment.assign(officer, slot);
    return false;
  }
}
