/** `entente explore FILE`: one self-contained HTML page in which the model runs as sliders move (explore/study.ts). */
import type { Command } from 'commander';
import { explore } from '../../explore/study.js';
import { shellQuote } from '../../shellQuote.js';
import { printNext } from '../next.js';

interface Flags {
  out?: string;
  /** Accepted for scripts written when it replaced other files; it changes nothing now (explore/out.ts). */
  force?: boolean;
  quiet?: boolean;
  /** A directory; false with --no-posterior; undefined: the scenario's own posterior, if it names one. */
  posterior?: string | false;
}

export function registerExplore(program: Command, print: (text: string) => void): void {
  program
    .command('explore')
    .argument('<file>', 'scenario file; or a sweep or calibration file, whose parameters and ranges become the sliders')
    .option('-o, --out <file>', 'the page to write (default: out/<scenario name>-explore.html)')
    .option('--posterior <dir>', 'a calibrated posterior (calibrate --method abc) to sample into the page: each chart’s plausible range')
    .option('--no-posterior', 'leave out the posterior the scenario names')
    .option('--force', 'accepted, and changes nothing: a page entente explore wrote is replaced anyway, any other file never')
    .option('-q, --quiet', 'print nothing on success')
    .action((file: string, flags: Flags) => {
      const page = explore(file, {
        ...(flags.out !== undefined ? { out: flags.out } : {}),
        ...(flags.posterior !== undefined ? { posterior: flags.posterior } : {}),
      });
      if (flags.quiet) return;
      if (page.posteriorOfAnotherText)
        print(`note: the posterior was calibrated on another text of ${file} (its SHA-256 differs); its particles are used as they are`);
      if (page.engineDependent.length > 0)
        print(
          `note: ${page.engineDependent.join(', ')} call a function (log, pow, sin, …) a browser may compute differently in the last bit: the page's numbers may then differ from entente run's in the last digits`,
        );
      const posterior = page.particles > 0 ? `, ${page.particles} posterior particles` : '';
      print(
        `${file}: ${page.controls} sliders, ${page.levers} levers${posterior} → ${page.out} (${(page.bytes / 1e6).toFixed(2)} MB, self-contained: open it in a browser, or send it; the model runs in the page)`,
      );
      printNext(print, false, [`open ${shellQuote(page.out)}   # in any browser, offline; to share it, send the file`]);
    });
}
