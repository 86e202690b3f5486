#!/usr/bin/env node
/**
 * Serves the static build (default build/) on localhost: used by `npm start`, `npm run preview`
 * and the browser tests. The files are served by sirv (the static server SvelteKit's own preview
 * uses), which lists the folder once at start and answers only with files in that list, so no
 * request path can reach outside it. Around it: the base path, the site's `_headers` file applied
 * to every response (the same file Netlify or Cloudflare Pages would read), and a plain 400 for
 * request paths that are malformed or try to climb out of the folder.
 *   node scripts/serve.mjs [DIR] [--port N] [--base /sub-path]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeaders } from './headers.mjs';

/**
 * The decoded path of a request target, or why it is refused. Decoding once is what the file
 * lookup does too, so a path is judged as it would be looked up; an escaped "/" or "\" is judged
 * as the separator it stands for.
 * @param {string} target req.url
 * @returns {{ path: string; search: string } | { refused: string }}
 */
export function requestPath(target) {
	if (!target.startsWith('/')) return { refused: 'the request target must be a path starting with "/"' };
	const cut = target.search(/[?#]/);
	const raw = cut < 0 ? target : target.slice(0, cut);
	const search = cut < 0 ? '' : target.slice(cut).replace(/#.*$/, '');
	let path;
	try {
		path = decodeURIComponent(raw);
	} catch {
		return { refused: 'the path has a malformed %-escape' };
	}
	if (/[\0-\x1f\x7f]/.test(path)) return { refused: 'the path has a control character' };
	if (path.split(/[/\\]/).some((segment) => segment === '..' || segment === '.')) {
		return { refused: 'the path has a "." or ".." segment' };
	}
	if (path.includes('\\')) return { refused: 'the path has a backslash' };
	return { path, search };
}

/**
 * Start serving; resolves with the server and its URL.
 * @param {{ dir?: string; port?: number; base?: string; host?: string }} [options]
 * @returns {Promise<{ server: import('node:http').Server; url: string }>}
 */
export function serve({ dir = 'build', port = 4173, base = '', host = '127.0.0.1' } = {}) {
	const root = resolve(dir);
	const headersFile = join(root, '_headers');
	if (!existsSync(headersFile)) {
		return Promise.reject(new Error(`${headersFile} is missing: build the site with \`npm run build\` (it writes _headers) before serving it`));
	}
	const rules = parseHeaders(readFileSync(headersFile, 'utf8'), headersFile);
	const files = sirv(root, { dev: false, etag: true, extensions: ['html'], dotfiles: false });

	/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text */
	const refuse = (res, status, text) => {
		res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
	};

	const server = createServer((req, res) => {
		try {
			const parsed = requestPath(req.url ?? '');
			// Refused paths still get the headers every response carries (matched on the raw path).
			const matched = 'refused' in parsed ? (req.url ?? '').replace(/[?#].*$/, '') : parsed.path;
			for (const [name, value] of headersFor(rules, matched)) res.setHeader(name, value);
			if ('refused' in parsed) return refuse(res, 400, `Bad request: ${parsed.refused}`);
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.setHeader('Allow', 'GET, HEAD');
				return refuse(res, 405, 'Only GET and HEAD are served');
			}
			const { path, search } = parsed;

			if (base && path !== base && !path.startsWith(`${base}/`)) return refuse(res, 404, 'Not found');
			const inSite = path.slice(base.length) || '/';
			// The site's pages link relatively (paths.relative), so each page must be served at one
			// URL, and the file decides which, as on a static host: a page built as x/index.html at
			// x/ (trailingSlash 'always'), one built as x.html at x; the other form redirects.
			if (base && path === base) return redirect(res, `${base}/${search}`);
			const canonical = canonicalPath(root, inSite);
			if (canonical !== inSite) return redirect(res, `${base}${canonical}${search}`);
			// A host applies _headers and never serves it.
			if (inSite === '/_headers') return refuse(res, 404, 'Not found');

			req.url = `${inSite}${search}`;
			files(req, res, () => refuse(res, 404, 'Not found'));
		} catch (error) {
			console.error(error);
			if (!res.headersSent) refuse(res, 500, 'Server error');
			else res.destroy();
		}
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => {
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			ok({ server, url: `http://${host}:${address.port}${base}/` });
		});
	});
}

/**
 * The one URL (within the site) a request path's page is served at, decided by the built files:
 * "x/" when x/index.html exists and x is not itself a file, "x" when x.html (or the file x)
 * exists; any other path as it came (the file server answers it or says 404). Repeated
 * trailing slashes count as one.
 * @param {string} root the build folder
 * @param {string} inSite the decoded path within the site, starting with "/"
 */
export function canonicalPath(root, inSite) {
	if (inSite === '/') return inSite;
	const stem = inSite.replace(/\/+$/, '');
	if (stem === '') return '/';
	const isFile = (/** @type {string} */ p) => {
		try {
			return statSync(join(root, p)).isFile();
		} catch {
			return false;
		}
	};
	if (isFile(stem) || isFile(`${stem}.html`)) return stem;
	if (isFile(`${stem}/index.html`)) return `${stem}/`;
	return inSite;
}

/** @param {import('node:http').ServerResponse} res @param {string} location */
function redirect(res, location) {
	res.writeHead(308, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Moved to ${location}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	/** @param {string} name @param {string | number} fallback */
	const flag = (name, fallback) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : fallback;
	};
	const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'build';
	try {
		const { url } = await serve({
			dir,
			port: Number(flag('--port', process.env.PORT ?? 4173)),
			base: String(flag('--base', process.env.BASE_PATH ?? ''))
		});
		console.log(`Serving ${dir}/ at ${url}  (Ctrl+C to stop)`);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}
