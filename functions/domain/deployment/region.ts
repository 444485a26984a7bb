import * as z from 'zod';

/** The AWS China regions: Beijing (operated by Sinnet) and Ningxia (operated by NWCD), partition `aws-cn`. */
export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

export function isChinaRegion(region: string | undefined): boolean {
  return (CHINA_REGIONS as readonly string[]).includes(region ?? '');
}

/**
 * A district's region: a China region or a commercial one (`ap-east-1`, `eu-central-1` …).
 * GovCloud and the ISO partitions are refused: nothing here is built or tested for them.
 */
export const regionSchema = z
  .string()
  .regex(/^(?:cn-(?:north|northwest)-1|[a-z]{2}-(?:central|north|northeast|northwest|south|southeast|southwest|east|west)-[1-9])$/, 'must be cn-north-1, cn-northwest-1 or a commercial AWS region such as ap-east-1')
  .refine((region) => !region.startsWith('cn-') || isChinaRegion(region), 'must be cn-north-1 or cn-northwest-1');
