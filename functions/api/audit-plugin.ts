import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType } from 'graphql';
import { auditsWritesOf, personalDataRead } from '../domain/access-rules';
import type { AuditEntry } from '../store/audit';
import type { RequestContext } from './context';

/** The entity a mutation wrote: the id it answers (or that of the issue in its payload), else the id it was given, else the district. */
function writtenEntityId(result: unknown, args: Record<string, unknown>, districtId: string): string {
  const answered = result as { id?: unknown; issue?: { id?: unknown } } | null | undefined;
  const id = answered?.id ?? answered?.issue?.id ?? args.id ?? args.issueId;
  return typeof id === 'string' ? id : districtId;
}

/**
 * The audit trail's one recorder. Each field a staff request answers is checked against the
 * access rules (`personalDataRead`, `auditsWritesOf` in functions/domain/access-rules.ts): an
 * answered officer's phone, reporter's contact or photos of people is a READ, a mutation an ADMIN
 * token ran without error a WRITE. The request's records are written together before the answer
 * leaves (one BatchWriteItem per 25). A failure to write them is logged as an error, by request id.
 */
export function auditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const entries: AuditEntry[] = [];
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, args, contextValue, info }) {
              const caller = contextValue.caller;
              if (!caller) return undefined;
              const isMutation = info.parentType === info.schema.getMutationType();
              return (error, result) => {
                if (error) return;
                const entry = { districtId: caller.districtId, who: caller.subject, at: contextValue.services.clock().toISOString(), requestId: contextValue.requestId };
                if (isMutation && auditsWritesOf(caller)) {
                  const entityType = getNamedType(info.returnType).name;
                  entries.push({ ...entry, action: 'WRITE', what: info.fieldName, entityType, entityId: writtenEntityId(result, args, caller.districtId) });
                  return;
                }
                const read = personalDataRead(info.parentType.name, info.fieldName, source, result);
                if (read) entries.push({ ...entry, action: 'READ', what: read, entityType: info.parentType.name, entityId: String((source as { id: unknown }).id) });
              };
            },
          };
        },
        async willSendResponse({ contextValue }) {
          if (entries.length === 0) return;
          try {
            await contextValue.services.audit.record(entries);
          } catch (error) {
            contextValue.logger.error('Audit records not written', { requestId: contextValue.requestId, records: entries.length, error: (error as Error).name });
          }
        },
      };
    },
  };
}
