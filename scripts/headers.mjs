/**
 * The site's HTTP response headers, as one `_headers` file in the build output (Netlify and
 * Cloudflare Pages syntax): a URL path pattern on its own line, then its headers indented below it,
 * `*` matching any run of characters. Hosts that read the file apply it; scripts/serve.mjs (used by
 * `npm start`, `npm run preview` and the browser tests) reads and applies the same file; the
 * README's nginx snippet says the same in nginx terms.
 *
 * Why per page: the Content Security Policy is also in each page's <meta> tag, where SvelteKit puts
 * the hash of that page's inline bootstrap script, which differs from page to page. The browser
 * enforces the meta and the header policy both, so a page's header policy must allow exactly what
 * its meta allows: it is the meta policy plus what a meta tag cannot say (frame-ancestors).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Pages under this path (after the base path) may be framed by any site; no other page may. */
export const EMBED_PREFIX = '/embed/';

/** `*` in a CSP source list: any http(s) origin (CSP3 matches no data:, blob: or file: ancestor). */
export const FRAME_ANY = 'frame-ancestors *';
export const FRAME_NONE = "frame-ancestors 'none'";

/** On every response. */
export const EVERY_RESPONSE = [
	['X-Content-Type-Options', 'nosniff'],
	['Referrer-Policy', 'no-referrer']
];

/**
 * Everything SvelteKit writes under _app/immutable/ (scripts, styles, data, the wasm and the
 * DuckDB worker scripts). A dedicated worker takes its policy from its own script's response, not
 * from the page, so this is the policy DuckDB's worker runs under: its own scripts, WebAssembly
 * compilation, fetches to this origin only. (On a script or style the page loads, the header is
 * inert.) The file names carry a content hash, so they can be cached for good.
 */
export const WORKER_POLICY = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; ${FRAME_NONE}`;
export const IMMUTABLE = [
	['Content-Security-Policy', WORKER_POLICY],
	['Cache-Control', 'public, max-age=31536000, immutable']
];

/** Any other file (robots.txt, favicon, __data.json): nothing may run in it or frame it. */
export const OTHER_FILE_POLICY = `default-src 'none'; ${FRAME_NONE}`;

/**
 * @typedef {{ pattern: string; line: number; headers: [string, string][] }} HeaderRule
 */

/**
 * Parse a `_headers` file. Blank lines and lines starting with `#` are skipped.
 * @param {string} text
 * @param {string} [file] named in error messages
 * @returns {HeaderRule[]}
 */
export function parseHeaders(text, file = '_headers') {
	/** @type {HeaderRule[]} */
	const rules = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		const line = raw.trimEnd();
		const where = `${file}:${i + 1}`;
		if (!line.trim() || line.trim().startsWith('#')) return;
		if (!/^\s/.test(line)) {
			if (!line.startsWith('/')) throw new Error(`${where}: a path pattern must start with "/" (got "${line}")`);
			rules.push({ pattern: line, line: i + 1, headers: [] });
			return;
		}
		const rule = rules.at(-1);
		if (!rule) throw new Error(`${where}: a header comes before any path pattern; put a path line above it`);
		const match = line.trim().match(/^([A-Za-z0-9-]+)\s*:\s*(.*)$/);
		if (!match) throw new Error(`${where}: expected "Header-Name: value" (got "${line.trim()}")`);
		rule.headers.push([match[1], match[2]]);
	});
	return rules;
}

/** @param {string} pattern */
function patternRegExp(pattern) {
	const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${escaped.join('.*')}$`);
}

/**
 * The headers for one request path: every rule whose pattern matches it, in file order. A header
 * named by more than one matching rule has its values joined with ", ", as Netlify and Cloudflare
 * Pages do (for Content-Security-Policy that means both policies are enforced).
 * @param {HeaderRule[]} rules
 * @param {string} path the decoded URL path, base path included
 * @returns {Map<string, string>} header name (as first written) to value
 */
export function headersFor(rules, path) {
	/** @type {Map<string, [string, string]>} */
	const found = new Map();
	for (const rule of rules) {
		if (!patternRegExp(rule.pattern).test(path)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			const before = found.get(key);
			found.set(key, before ? [before[0], `${before[1]}, ${value}`] : [name, value]);
		}
	}
	return new Map([...found.values()]);
}

/** @param {string} dir @returns {string[]} every file under dir, as /-separated paths relative to it */
function listFiles(dir) {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** @param {string} value an HTML attribute value */
function unescapeAttribute(value) {
	return value
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/**
 * The policy in a page's <meta http-equiv="content-security-policy">.
 * @param {string} html
 * @returns {string | undefined}
 */
export function metaPolicy(html) {
	for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
		if (!/http-equiv\s*=\s*["']?content-security-policy["'\s>]/i.test(tag)) continue;
		const content = tag.match(/\scontent\s*=\s*"([^"]*)"/i) ?? tag.match(/\scontent\s*=\s*'([^']*)'/i);
		if (content) return unescapeAttribute(content[1]).trim().replace(/;\s*$/, '');
	}
	return undefined;
}

/**
 * The URL paths a prerendered HTML file is served at: `methodology.html` at /methodology,
 * /methodology.html and /methodology/; `index.html` (of a folder) at the folder with and without
 * its slash and at its own name.
 * @param {string} file relative to the build folder, e.g. "methodology.html" or "embed/index.html"
 * @param {string} base e.g. "" or "/rough-sleeping"
 */
export function servedPaths(file, base) {
	const path = `${base}/${file}`;
	if (file === 'index.html') return [`${base}/`, path, ...(base ? [base] : [])];
	if (file.endsWith('/index.html')) {
		const folder = path.slice(0, -'/index.html'.length);
		return [folder, `${folder}/`, path];
	}
	const page = path.slice(0, -'.html'.length);
	return [page, path, `${page}/`];
}

/**
 * The `_headers` text for a built site.
 * @param {string} dir the build folder
 * @param {{ base?: string }} [options] base: SvelteKit's paths.base, which URLs carry
 */
export function buildHeadersText(dir, { base = '' } = {}) {
	/** @param {string} pattern @param {string[][]} headers */
	const block = (pattern, headers) => [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`), ''].join('\n');
	const blocks = [
		'# Written by scripts/headers.mjs after each build (svelte.config.js): do not edit by hand.',
		'',
		block(`${base}/*`, EVERY_RESPONSE),
		block(`${base}/_app/immutable/*`, IMMUTABLE)
	];
	for (const file of listFiles(dir)) {
		if (file.startsWith('_app/immutable/') || file === '_headers') continue;
		if (!file.endsWith('.html')) {
			blocks.push(block(`${base}/${file}`, [['Content-Security-Policy', OTHER_FILE_POLICY]]));
			continue;
		}
		const policy = metaPolicy(readFileSync(join(dir, file), 'utf8'));
		if (!policy) throw new Error(`${join(dir, file)}: no <meta http-equiv="content-security-policy"> to copy into _headers (is kit.csp set in svelte.config.js?)`);
		if (/frame-ancestors/i.test(policy)) throw new Error(`${join(dir, file)}: the meta policy names frame-ancestors, which only _headers may set`);
		const frame = `/${file}`.startsWith(EMBED_PREFIX) ? FRAME_ANY : FRAME_NONE;
		for (const path of servedPaths(file, base)) {
			blocks.push(block(path, [['Content-Security-Policy', `${policy}; ${frame}`]]));
		}
	}
	return blocks.join('\n');
}

/**
 * Write `_headers` into a built site.
 * @param {string} dir @param {{ base?: string }} [options]
 */
export function writeHeadersFile(dir, options) {
	writeFileSync(join(dir, '_headers'), buildHeadersText(dir, options));
}

/** @param {string} value */
const nginxString = (value) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The Content-Security-Policy rules of a `_headers` file as an nginx `map` from $uri to the
 * policy, for the README's nginx set-up (nginx cannot read _headers). An exact path beats a
 * pattern in nginx, as in the file this build writes no path matches both.
 * @param {HeaderRule[]} rules
 */
export function nginxPolicyMap(rules) {
	const lines = ['# From _headers by `node scripts/headers.mjs nginx build`: rewrite after every build.', 'map $uri $site_csp {'];
	lines.push(`\tdefault ${nginxString(OTHER_FILE_POLICY)};`);
	for (const rule of rules) {
		const policy = rule.headers.find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1];
		if (!policy) continue;
		const key = rule.pattern.includes('*')
			? `~^${rule.pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`
			: rule.pattern;
		lines.push(`\t${nginxString(key)} ${nginxString(policy)};`);
	}
	lines.push('}', '');
	return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const [command, dir = 'build'] = process.argv.slice(2);
	if (command !== 'nginx') {
		console.error('Usage: node scripts/headers.mjs nginx [BUILD_DIR]   prints the nginx map of the build\'s _headers');
		process.exit(2);
	}
	const file = join(dir, '_headers');
	process.stdout.write(nginxPolicyMap(parseHeaders(readFileSync(file, 'utf8'), file)));
}
