import { BlockPipeline, type PipelineEvents, type PipelineOptions } from './block-pipeline';
import { MemoryFile, type RandomAccessFile } from './random-access-file';
import type { FileSink, ReceiveStore, StoredFileKey } from './receive-store';

const keyOf = (key: StoredFileKey) => `${key.transferId}/${key.index}`;

/** Keeps received files in memory. Only for unit tests: the point of the engine is not to. */
export class MemoryStore implements ReceiveStore {
  readonly kind = 'memory' as const;
  readonly files = new Map<string, MemoryFile>();

  /** `writeDelay` makes every write wait, to model a slow phone disk. */
  constructor(
    readonly maxFileSize: number | null = null,
    private readonly writeDelay?: () => Promise<void>,
  ) {}

  open(key: StoredFileKey, options: PipelineOptions, events: PipelineEvents): FileSink {
    let file = this.files.get(keyOf(key));
    if (!file) this.files.set(keyOf(key), (file = new MemoryFile()));
    const delay = this.writeDelay;
    if (!delay) return new BlockPipeline(file, options, events);
    const target = file;
    const slow: RandomAccessFile = {
      write: async (data, at) => {
        await delay();
        target.write(data, at);
      },
      read: (into, at) => target.read(into, at),
      truncate: (size) => target.truncate(size),
      flush: () => target.flush(),
      close: () => target.close(),
    };
    return new BlockPipeline(slow, options, events);
  }

  file(key: StoredFileKey): MemoryFile | undefined {
    return this.files.get(keyOf(key));
  }

  async getFile(key: StoredFileKey, name: string, type: string): Promise<File> {
    const file = this.files.get(keyOf(key));
    return new File(file ? [file.contents()] : [], name, { type });
  }

  async remove(transferId: string): Promise<void> {
    for (const key of [...this.files.keys()]) {
      if (key.startsWith(`${transferId}/`)) this.files.delete(key);
    }
  }

  dispose(): void {}
}
