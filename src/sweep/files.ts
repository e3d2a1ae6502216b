/** Small atomic file helpers for sweep directories: write beside, then rename. */

import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Write `header` then each part's contents, in order, to `path` atomically. */
export async function concatAtomic(path: string, header: string, parts: readonly string[]): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, header);
  closeSync(fd);
  const out = createWriteStream(tmp, { flags: 'a' });
  for (const part of parts) {
    const input = createReadStream(part);
    input.pipe(out, { end: false });
    await once(input, 'end');
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

/** `concatAtomic` for parts that start with a header line of their own (skipped). */
export async function concatSkippingHeaders(path: string, header: string, parts: readonly string[]): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  out.write(header);
  for (const part of parts) {
    let head: string | undefined = '';
    const input = createReadStream(part, { encoding: 'utf8' });
    for await (const chunk of input) {
      let text = chunk as string;
      if (head !== undefined) {
        head += text;
        const nl = head.indexOf('\n');
        if (nl < 0) continue;
        text = head.slice(nl + 1);
        head = undefined;
      }
      if (!out.write(text)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}
