/**
 * Vite plugin: the data snapshot (src/lib/data/snapshot.ts) as content-hashed static assets.
 * `import urls from 'virtual:data-snapshot'` gives `{ table: url }`. The first time a build (or
 * the dev server) needs the module, scripts/write-data-snapshot.ts (in a child process, so the
 * config loads none of the app) writes one Arrow IPC file per table under
 * .svelte-kit/data-snapshot/; each is then imported with `?url`, so Vite hashes and emits it like
 * any asset, served from this origin (CSP connect-src 'self'). data/ is validated before a build
 * (npm run build runs check:data), so the snapshot holds only checked figures.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const ID = 'virtual:data-snapshot';
const RESOLVED = `\0${ID}`;
/** Root-relative, as Vite resolves `/…` imports from the project root. */
const DIR = '.svelte-kit/data-snapshot';

async function writeFiles(): Promise<string[]> {
	const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/write-data-snapshot.ts', DIR]);
	return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
}

export function dataSnapshot(): Plugin {
	let written: Promise<string[]> | undefined;
	return {
		name: 'data-snapshot',
		resolveId(id) {
			return id === ID ? RESOLVED : undefined;
		},
		async load(id) {
			if (id !== RESOLVED) return;
			written ??= writeFiles();
			const tables = await written;
			const imports = tables.map((t, i) => `import t${i} from '/${DIR}/${t}.arrow?url';`).join('\n');
			return `${imports}\nexport default { ${tables.map((t, i) => `${JSON.stringify(t)}: t${i}`).join(', ')} };`;
		}
	};
}
