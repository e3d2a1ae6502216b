/**
 * Reading a scenario or sweep file: bytes → YAML/JSON document with line
 * positions. Every later error can ask `locate(path)` for the line of a field.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { EntenteError, inputError } from '../errors.js';

export type PathSegment = string | number;

export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  /** 1-based line of the value at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[]): number | undefined;
}

export function readSource(file: string): Source {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read file';
    throw inputError('scenario.unreadable', reason, { file }, 'a readable YAML or JSON file', String((err as Error).message));
  }
  return parseSource(file, text);
}

export function parseSource(file: string, text: string): Source {
  const lineCounter = new LineCounter();
  // YAML 1.2 is a superset of JSON, so one parser gives line numbers for both.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    const kind = file.endsWith('.json') ? 'JSON' : 'YAML';
    throw new EntenteError('scenario.malformed', `malformed ${kind}: ${first.message.split('\n')[0]}`, {
      where: { file, line },
    });
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const hash = createHash('sha256').update(text).digest('hex');
  const locate = (path: readonly PathSegment[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
      if (n === 0 && (isMap(doc.contents) || isSeq(doc.contents))) {
        return doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : undefined;
      }
    }
    return undefined;
  };
  return { file, data, hash, locate };
}

/** `shocks[2].severity` from ['shocks', 2, 'severity']. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(top level)';
}
