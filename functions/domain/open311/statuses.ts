import type { IssueAction } from '../issues/workflow';
import { isOpen } from '../issues/workflow';
import type { IssueStatus } from '../vocabulary';

/** GeoReport v2's two request statuses. */
export type Open311Status = 'open' | 'closed';

export const open311Status = (status: IssueStatus): Open311Status => (isOpen(status) ? 'open' : 'closed');

/** FixMyStreet's extended statuses of a service request update. */
export type Open311UpdateStatus =
  | 'OPEN'
  | 'ACTION_SCHEDULED'
  | 'IN_PROGRESS'
  | 'INTERNAL_REFERRAL'
  | 'FIXED'
  | 'CLOSED'
  | 'DUPLICATE'
  | 'NO_FURTHER_ACTION';

/**
 * What one history step tells the public, as FixMyStreet's update statuses and a fixed Chinese
 * description: never the note staff typed, never who acted (an update is public). A rejection
 * is a duplicate when the issue names the one it duplicates.
 */
export function publicUpdate(action: IssueAction, duplicate: boolean): { status: Open311UpdateStatus; description: string } {
  switch (action) {
    case 'REPORT':
      return { status: 'OPEN', description: '已受理' };
    case 'ASSIGN':
      return { status: 'ACTION_SCHEDULED', description: '已派遣' };
    case 'START':
      return { status: 'IN_PROGRESS', description: '处理中' };
    case 'TRANSFER':
      return { status: 'INTERNAL_REFERRAL', description: '已转交相关部门办理' };
    case 'RESOLVE':
      return { status: 'FIXED', description: '已处理' };
    case 'CLOSE':
      return { status: 'CLOSED', description: '已办结' };
    case 'REOPEN':
      return { status: 'OPEN', description: '重新办理' };
    case 'REJECT':
      return duplicate ? { status: 'DUPLICATE', description: '重复反映，已合并办理' } : { status: 'NO_FURTHER_ACTION', description: '不予受理' };
  }
}
