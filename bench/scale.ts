import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFLICTS_PER_ITEM_PER_SECOND, ITEM_SIZE_LIMIT, PARTITION_LIMITS, type LoadReport } from './scale/partition-load';
import { simulateDay, type SimulationResult } from './scale/simulate';

/**
 * `npm run bench:scale`: replays a synthetic megacity day (60 000 reports, peak 25 a second,
 * 1 000 stations) through the real issue repository with no DynamoDB, and prints, per partition
 * key of the table and its indexes, the peak write and read units in one second, and per item
 * the peak transactions and conflicts in one second, against DynamoDB's limits
 * (docs/scale.md). Writes the table to bench/scale-results.md. Exit code 1 if a limit is passed.
 */
const TOP = 12;

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export function verdicts(load: LoadReport): string[] {
  const failures: string[] = [];
  for (const partition of load.partitions) {
    if (partition.peakWriteUnits > PARTITION_LIMITS.writeUnitsPerSecond) failures.push(`${partition.index} ${partition.partition}: ${partition.peakWriteUnits} WCU/s`);
    if (partition.peakReadUnits > PARTITION_LIMITS.readUnitsPerSecond) failures.push(`${partition.index} ${partition.partition}: ${partition.peakReadUnits} RCU/s`);
  }
  for (const item of load.items) {
    if (item.peakConflicts > CONFLICTS_PER_ITEM_PER_SECOND) failures.push(`${item.item}: ${item.peakConflicts} conflicts/s`);
    if (item.bytes > ITEM_SIZE_LIMIT) failures.push(`${item.item}: ${item.bytes} bytes`);
  }
  return failures;
}

export function renderScale({ day, transactionMs, load }: SimulationResult): string {
  const o = day.options;
  const failures = verdicts(load);
  const largest = [...load.items].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  return [
    `# Megacity day: per-key peaks`,
    '',
    `${day.reports} reports and ${day.steps} steps (${load.transactions} transactions), peak ${o.peakPerSecond} reports/s, ${o.stations} stations × ${o.gridsPerStation} grids, seed ${o.seed}; a transaction holds its items ${transactionMs} ms.`,
    `Limits: ${PARTITION_LIMITS.writeUnitsPerSecond} WCU/s and ${PARTITION_LIMITS.readUnitsPerSecond} RCU/s per partition key, ${CONFLICTS_PER_ITEM_PER_SECOND} conflict/s per item, ${ITEM_SIZE_LIMIT / 1024} KB per item.`,
    '',
    '| index | partition key | peak WCU/s | peak RCU/s | at (UTC) | writes in the day |',
    '| --- | --- | ---: | ---: | --- | ---: |',
    ...load.partitions.slice(0, TOP).map((p) => `| ${p.index} | \`${p.partition}\` | ${p.peakWriteUnits} | ${p.peakReadUnits} | ${time(p.peakAtMs)} | ${p.writes} |`),
    '',
    '| item | peak transactions/s | peak conflicts/s | at (UTC) | transactions in the day | size at the end |',
    '| --- | ---: | ---: | --- | ---: | ---: |',
    ...load.items.slice(0, TOP).map((i) => `| \`${i.item}\` | ${i.peakTransactions} | ${i.peakConflicts} | ${time(i.peakAtMs)} | ${i.transactions} | ${i.bytes} B |`),
    '',
    '| largest items | size at the end |',
    '| --- | ---: |',
    ...largest.map((i) => `| \`${i.item}\` | ${i.bytes} B |`),
    '',
    failures.length === 0 ? '**Every partition and item is under the limits.**' : `**Over the limits:**\n\n${failures.map((f) => `- ${f}`).join('\n')}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const result = await simulateDay();
  const text = renderScale(result);
  process.stdout.write(text);
  await writeFile(join(__dirname, 'scale-results.md'), text);
  if (verdicts(result.load).length > 0) process.exitCode = 1;
}

if (require.main === module) void main();
