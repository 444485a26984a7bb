import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { auditTrailArguments } from '../../domain/validation/privacy-inputs';
import type { StoredAuditRecord } from '../../store/audit';
import type { Connection } from '../../store/connection';
import type { Services } from '../services';

/** auditTrail (ADMIN): who read an entity's personal data or wrote it as ADMIN, newest first, in the caller's district. */
export function auditTrail(services: Services, caller: Caller | undefined, args: unknown): Promise<Connection<StoredAuditRecord>> {
  const { districtId } = requireOperation(caller, 'readAuditTrail');
  const { entityType, entityId, first, after } = parseArguments(auditTrailArguments, args);
  return services.audit.page(districtId, entityType, entityId, first, after);
}
