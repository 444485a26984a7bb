import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** How far the local consumer got in one stream: per shard, the last sequence number handled, and the shards finished. */
export interface StreamPosition {
  streamArn: string;
  shards: Record<string, string>;
  finished: string[];
}

/**
 * The local consumer's position, kept in a file under the data dir so a restart resumes where
 * the last run stopped. A position of another stream (the table was recreated) starts over.
 * Written to a temporary file and renamed: a kill mid-write leaves the previous position.
 */
export class StreamCheckpoint {
  constructor(private readonly file: string) {}

  async read(streamArn: string): Promise<StreamPosition> {
    try {
      const stored = JSON.parse(await readFile(this.file, 'utf8')) as StreamPosition;
      if (stored.streamArn === streamArn) return stored;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return { streamArn, shards: {}, finished: [] };
  }

  async write(position: StreamPosition): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(position));
    await rename(temporary, this.file);
  }
}
