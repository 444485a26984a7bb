import type DataLoader from 'dataloader';
import { requireCaller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { idArguments } from '../../domain/validation/reference-inputs';
import { NotFoundError } from '../../shared/errors';
import type { Loaders } from '../loaders';
import type { RequestContext } from '../context';

type ByIdLoader = { [K in keyof Loaders]: Loaders[K] extends DataLoader<string, unknown> ? K : never }[keyof Loaders];

/** A `thing(id)` query: needs a token, validates the id, reads through the request's loader, NOT_FOUND if absent. */
export function findById<K extends ByIdLoader>(loader: K, label: string) {
  return async (_parent: unknown, args: unknown, context: RequestContext) => {
    requireCaller(context.caller);
    const { id } = parseArguments(idArguments, args);
    const found = (await context.loaders()[loader].load(id)) as Awaited<ReturnType<Loaders[K]['load']>>;
    if (!found) throw new NotFoundError(label, id);
    return found as NonNullable<typeof found>;
  };
}
