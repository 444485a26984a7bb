import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface DutyFigure {
  label: string;
  stations: number;
  officers: number;
  planMs: number;
  complianceMs: number;
  processMb: number;
}

const LINE = /^(\S+)\s+(\d+) stations\s+(\d+) officers \| plan\s+(\d+) ms, process (\d+) MB.*\| compliance\s+(\d+) ms/;

/** Runs bench/duty.ts (`npm run bench:duty`) in its own process, so its heap is its own, and reads its lines. */
export async function dutyFigures(): Promise<DutyFigure[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(__dirname, 'duty.ts')], { maxBuffer: 1024 * 1024 });
  return stdout.split('\n').flatMap((line) => {
    const match = LINE.exec(line);
    if (!match || match[1] === 'warm-up') return [];
    const [, label, stations, officers, planMs, processMb, complianceMs] = match;
    return [{ label: label!, stations: Number(stations), officers: Number(officers), planMs: Number(planMs), complianceMs: Number(complianceMs), processMb: Number(processMb) }];
  });
}
