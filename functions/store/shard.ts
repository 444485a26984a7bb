/**
 * Which of `shards` items a writer updates, from a stable hash of `source` (FNV-1a, then
 * MurmurHash3's finalizer: FNV's low bits depend only on the low bits of each character, and a
 * modulo reads the low bits): the same source always lands on the same shard, and sources
 * spread evenly over the shards. For spreading hot counters, not for anything secret.
 */
export function shardOf(source: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < source.length; index += 1) hash = Math.imul(hash ^ source.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) % shards;
}
