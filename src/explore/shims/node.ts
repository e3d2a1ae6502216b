/**
 * What the explore page is given for node:fs, node:module, node:os, node:path and the like: the
 * engine's modules import them for the commands' file work, which the page never does. Each
 * function throws if called (naming itself), except what module loading touches harmlessly.
 */
const absent =
  (name: string) =>
  (..._args: unknown[]): never => {
    throw new Error(`${name} is not available in the explore page`);
  };

// node:fs
/** Read only inside functions that open files (io/readFile.ts), never when a module loads. */
export const constants: Readonly<Record<string, number>> = {};
export const existsSync = (): boolean => false;
export const chmodSync = absent('chmodSync');
export const closeSync = absent('closeSync');
export const copyFileSync = absent('copyFileSync');
export const createReadStream = absent('createReadStream');
export const fstatSync = absent('fstatSync');
export const fsyncSync = absent('fsyncSync');
export const mkdirSync = absent('mkdirSync');
export const mkdtempSync = absent('mkdtempSync');
export const openSync = absent('openSync');
export const readFileSync = absent('readFileSync');
export const readSync = absent('readSync');
export const readdirSync = absent('readdirSync');
export const realpathSync = absent('realpathSync');
export const renameSync = absent('renameSync');
export const rmSync = absent('rmSync');
export const rmdirSync = absent('rmdirSync');
export const statSync = absent('statSync');
export const writeFileSync = absent('writeFileSync');
export const writeSync = absent('writeSync');
// node:module
export const createRequire = () => absent('require');
// node:os
export const availableParallelism = (): number => 1;
export const homedir = (): string => '/';
export const hostname = (): string => 'browser';
export const tmpdir = (): string => '/tmp';
export const totalmem = (): number => 2 ** 31;
// node:path (POSIX, enough for module-level constants)
export const sep = '/';
export const join = (...parts: unknown[]): string => parts.map(String).join('/');
export const resolve = join;
export const dirname = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('/')));
export const basename = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
export const parse = (p: string): { name: string } => ({ name: basename(p).replace(/\.[^.]*$/, '') });
// node:worker_threads, node:child_process
export const workerData = undefined;
export const spawn = absent('spawn');
export const spawnSync = absent('spawnSync');
