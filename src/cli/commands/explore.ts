/** `entente explore FILE`: one self-contained HTML page in which the model runs as sliders move (explore/study.ts). */
import type { Command } from 'commander';
import { explore } from '../../explore/study.js';
import { defaultOut } from '../../io/outputDir.js';
import { loadScenario } from '../../scenario/load.js';

interface Flags {
  out?: string;
  force?: boolean;
  quiet?: boolean;
}

export function registerExplore(program: Command, print: (text: string) => void): void {
  program
    .command('explore')
    .argument('<file>', 'scenario file')
    .option('-o, --out <file>', 'the page to write (default: out/<scenario name>-explore.html)')
    .option('--force', 'replace a file that is not a page entente explore wrote')
    .option('-q, --quiet', 'print nothing on success')
    .action((file: string, flags: Flags) => {
      const out = flags.out ?? `${defaultOut(loadScenario(file).spec.name, file)}-explore.html`;
      const page = explore(file, out, flags.force === true);
      if (flags.quiet) return;
      print(
        `${file}: ${page.controls} sliders and ${page.levers} levers → ${out} (${(page.bytes / 1e6).toFixed(2)} MB, self-contained: open it in a browser, or send it; the model runs in the page)`,
      );
    });
}
