import { STEP_SUMMARIES as STEP_SUMMARIES_ZH } from '../messages/catalogue-zh-cn';
import type { Language } from '../messages/language';
import type { IssueAction } from './workflow';

/**
 * What a resident's status page says of each step (the public timeline), in English; the
 * catalogue holds the Chinese (catalogue-zh-cn.ts, STEP_SUMMARIES). Who did it and the notes
 * staff wrote for each other are not part of it (access-rules.ts, residentTimelineStep).
 */
export const STEP_SUMMARIES: Readonly<Record<IssueAction, string>> = {
  REPORT: 'Received',
  ASSIGN: 'Dispatched',
  START: 'Being handled',
  RESOLVE: 'Handled',
  TRANSFER: 'Transferred to the responsible department',
  CLOSE: 'Closed after follow-up',
  REOPEN: 'Reopened for rework',
  REJECT: 'Not registered',
};

/** A step's summary in the request's language. */
export const stepSummary = (action: IssueAction, language: Language): string =>
  language === 'zh-CN' ? (STEP_SUMMARIES_ZH[action] ?? STEP_SUMMARIES[action]) : STEP_SUMMARIES[action];
