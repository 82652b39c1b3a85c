// The CLI side of the benchmark's pod comparison: the pods `podlife --list-pods` finds in the
// same file, keyed as the page's pod list keys them.
import { existsSync } from 'node:fs';
import { CLI, buildCli, runCli } from '../../tests/browser/support.mjs';

/** Returns a pod's key as the page's pod list writes it in `data-pod`. */
const podKey = (pod) => (pod.namespace ? `${pod.namespace}/${pod.name}` : pod.name);

/**
 * Builds the release CLI and lists the pods it finds in `file`, with the seconds the listing
 * took. When the build fails, for example while the sources are being edited, the CLI built
 * before is used if there is one, and the returned `note` says which.
 */
export function cliPods(file) {
  let note = '';
  try {
    buildCli();
  } catch (error) {
    if (!existsSync(CLI)) throw error;
    note = `cargo build failed, so the CLI built before was used (${CLI})`;
  }
  const started = process.hrtime.bigint();
  const run = runCli(['--logfile', file, '--list-pods', '--format', 'json']);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    throw new Error(`podlife --list-pods failed with status ${run.status}: ${run.stderr}`);
  }
  const keys = JSON.parse(run.stdout).map(podKey);
  return { keys, seconds, note };
}

/** Compares two lists of pod keys and returns the keys only in each. */
export function comparePods(cliKeys, pageKeys) {
  const cli = new Set(cliKeys);
  const page = new Set(pageKeys);
  return {
    onlyCli: [...cli].filter((key) => !page.has(key)),
    onlyPage: [...page].filter((key) => !cli.has(key)),
  };
}
