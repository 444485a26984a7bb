import { defaultFieldResolver, getNamedType, isIntrospectionType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { auditsWritesOf, personalDataRead } from '../domain/access-rules';
import type { AuditEntry } from '../store/audit';
import type { RequestContext } from './context';

/** The entity a mutation wrote: the id it answers (or that of the issue in its payload), else the id it was given, else the district. */
function writtenEntityId(result: unknown, args: Record<string, unknown>, districtId: string): string {
  const answered = result as { id?: unknown; issue?: { id?: unknown } } | null | undefined;
  const id = answered?.id ?? answered?.issue?.id ?? args.id ?? args.issueId;
  return typeof id === 'string' ? id : districtId;
}

/** The records each request has earned so far, until `recordAudit` writes them. */
const pending = new WeakMap<RequestContext, AuditEntry[]>();

/** What one answered field adds to the trail, if anything (the access rules decide). */
function noteField(contextValue: RequestContext, source: unknown, args: Record<string, unknown>, info: GraphQLResolveInfo, result: unknown): void {
  const caller = contextValue.caller;
  if (!caller) return;
  const entry = { districtId: caller.districtId, who: caller.subject, at: contextValue.services.clock().toISOString(), requestId: contextValue.requestId };
  let noted: AuditEntry | undefined;
  if (info.parentType === info.schema.getMutationType() && auditsWritesOf(caller)) {
    noted = { ...entry, action: 'WRITE', what: info.fieldName, entityType: getNamedType(info.returnType).name, entityId: writtenEntityId(result, args, caller.districtId) };
  } else {
    const read = personalDataRead(info.parentType.name, info.fieldName, source, result);
    if (read) noted = { ...entry, action: 'READ', what: read, entityType: info.parentType.name, entityId: String((source as { id: unknown }).id) };
  }
  if (!noted) return;
  const entries = pending.get(contextValue);
  if (entries) entries.push(noted);
  else pending.set(contextValue, [noted]);
}

/**
 * The audit trail's one recorder, in two parts. `auditedSchema` wraps every field of the schema
 * (in place, once per container) so that each field a staff request answers without error is
 * checked against the access rules (`personalDataRead`, `auditsWritesOf` in
 * functions/domain/access-rules.ts): an answered officer's phone, reporter's contact or photos of
 * people is a READ, a mutation an ADMIN token ran without error a WRITE. Anonymous requests
 * note nothing.
 */
export function auditedSchema(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, contextValue: RequestContext, info) => {
        const result = resolve(source, args, contextValue, info);
        if (!contextValue.caller) return result;
        if (result instanceof Promise) return result.then((value: unknown) => (noteField(contextValue, source, args, info, value), value));
        noteField(contextValue, source, args, info, result);
        return result;
      };
    }
  }
  return schema;
}

/**
 * The second part: the request's records are written together before the answer leaves (one
 * BatchWriteItem per 25). A failure to write them is logged as an error, by request id.
 */
export async function recordAudit(contextValue: RequestContext): Promise<void> {
  const entries = pending.get(contextValue);
  if (!entries) return;
  pending.delete(contextValue);
  try {
    await contextValue.services.audit.record(entries);
  } catch (error) {
    contextValue.logger.error('Audit records not written', { requestId: contextValue.requestId, records: entries.length, error: (error as Error).name });
  }
}
