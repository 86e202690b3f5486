/**
 * Validates the data files against the contract:  npm run check:data [-- DIR]
 * Reads every *.csv in data/ (or DIR), prints every problem as `path:LINE:COLUMN: problem (fix)`
 * (up to 100 of each kind, then how many more) and exits 1 if there is any; otherwise prints a
 * one-line summary and exits 0.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { formatProblem, problemTotal } from '../src/lib/data/problems.ts';
import { checkDataFiles } from '../src/lib/data/validate.ts';
import { readDataFiles } from '../src/lib/server/data-files.ts';

const dir = process.argv[2] ?? 'data';
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
	console.error(`check:data: ${dir} is not a directory`);
	process.exit(1);
}
const shownDir = relative(process.cwd(), dir).split(sep).join('/');
const prefix = shownDir ? `${shownDir}/` : '';
const result = checkDataFiles(readDataFiles(dir), { dir: prefix });
if (result.problems.length > 0) {
	// One write, and exitCode rather than exit(), so a pipe receives every line before Node ends.
	const lines = result.problems.map(formatProblem);
	lines.push(`check:data: ${problemTotal(result.problems)}; fix them and run npm run check:data again`);
	process.stderr.write(`${lines.join('\n')}\n`);
	process.exitCode = 1;
} else console.log(`check:data: ${result.files} files, ${result.rows} rows, no problems`);
