/**
 * hyparquet-writer's byte sink for a file on disk, written through io/atomicFile.ts's `writeAll`
 * (every byte, however many calls write(2) needs) and checked for its size when finished, as every
 * file entente writes is. The package's own `fileWriter` reopens the file for each megabyte and
 * checks nothing.
 */
import { closeSync, openSync } from 'node:fs';
import { ByteWriter } from 'hyparquet-writer';
import { expectSize, writeAll } from './atomicFile.js';
import { type FileProof, Proving } from './fileRecord.js';

/** Bytes gathered before they are handed to the file. */
const CHUNK = 1 << 20;

export function fileSink(path: string, onProof: (proof: FileProof) => void = () => {}): ByteWriter {
  const sink = new ByteWriter();
  const fd = openSync(path, 'w');
  let bytes = 0;
  let open = true;
  const proving = new Proving();
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const flush = () => {
    try {
      const piece = new Uint8Array(sink.buffer, 0, sink.index);
      bytes += writeAll(fd, piece, path);
      proving.update(piece);
    } catch (err) {
      close();
      throw err;
    }
    sink.index = 0;
  };
  const grow = sink.ensure.bind(sink);
  sink.ensure = (size: number) => {
    if (sink.index > CHUNK) flush();
    grow(size);
  };
  sink.finish = () => {
    if (!open) return;
    try {
      flush();
      expectSize(fd, bytes, path);
      onProof(proving.finish());
    } finally {
      close();
    }
  };
  return sink;
}
