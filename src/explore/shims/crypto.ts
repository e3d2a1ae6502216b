/**
 * node:crypto in the explore page: SHA-256 by @noble/hashes (audited, no dependencies), the
 * same digest Node computes, so deriveSeed gives the same seeds in the page as in the command.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

function only(algorithm: string): void {
  if (algorithm !== 'sha256') throw new Error(`the page computes sha256 only, not ${algorithm}`);
}

export function hash(algorithm: string, data: string, encoding: 'hex'): string {
  only(algorithm);
  if (encoding !== 'hex') throw new Error('the page gives hex digests only');
  return bytesToHex(sha256(utf8ToBytes(data)));
}

export function createHash(algorithm: string): { update(data: string): ReturnType<typeof createHash>; digest(encoding: 'hex'): string } {
  only(algorithm);
  let text = '';
  const h = {
    update(data: string) {
      text += data;
      return h;
    },
    digest: (encoding: 'hex') => hash(algorithm, text, encoding),
  };
  return h;
}
