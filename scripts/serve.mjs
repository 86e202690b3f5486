#!/usr/bin/env node
/**
 * Serves the static build (default build/) on localhost: used by `npm start` and the browser
 * tests. No dependency: node:http with the right MIME types (application/wasm matters: browsers
 * refuse to stream-compile wasm served as anything else).
 *   node scripts/serve.mjs [DIR] [--port N] [--base /sub-path]
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/** @param {string} path */
function isFile(path) {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/**
 * Start serving; resolves with the server and its URL.
 * @param {{ dir?: string; port?: number; base?: string; host?: string }} [options]
 * @returns {Promise<{ server: import('node:http').Server; url: string }>}
 */
export function serve({ dir = 'build', port = 4173, base = '', host = '127.0.0.1' } = {}) {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path = decodeURIComponent(url.pathname);
		if (base && !path.startsWith(base)) {
			res.writeHead(404).end('Not found');
			return;
		}
		path = path.slice(base.length) || '/';
		const target = normalize(join(root, path));
		if (!target.startsWith(root)) {
			res.writeHead(403).end('Forbidden');
			return;
		}
		const candidates = [target, join(target, 'index.html'), `${target.replace(/\/$/, '')}.html`];
		const file = candidates.find(isFile);
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'no-referrer'
		});
		createReadStream(file).pipe(res);
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			ok({ server, url: `http://${host}:${address.port}${base}/` });
		});
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	/** @param {string} name @param {string | number} fallback */
	const flag = (name, fallback) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'build';
	const { url } = await serve({
		dir,
		port: Number(flag('--port', process.env.PORT ?? 4173)),
		base: String(flag('--base', process.env.BASE_PATH ?? ''))
	});
	console.log(`Serving ${dir}/ at ${url}  (Ctrl+C to stop)`);
}
