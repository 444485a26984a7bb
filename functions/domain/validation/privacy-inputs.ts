import * as z from 'zod';
import { idField } from './fields';

/** `eraseReporterData(issueId)`. */
export const eraseReporterDataArguments = z.object({ issueId: idField });
