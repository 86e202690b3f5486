/**
 * A tiny built site for the server and _headers tests, made in a temporary folder with a secret
 * file beside it (and in a sibling folder whose name starts with the site's, the case a
 * string-prefix check on paths gets wrong), plus a raw HTTP client: fetch() would normalise
 * "/%2e%2e/" away before it reached the server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { writeHeadersFile } from '../../scripts/headers.mjs';
import { serve } from '../../scripts/serve.mjs';

export const SECRET = 'SECRET-BESIDE-THE-BUILD';
export const HOME_POLICY = "default-src 'self'; script-src 'self' 'sha256-AAAA'";
export const PAGE_POLICY = "default-src 'self'; script-src 'self' 'sha256-BBBB'";
export const EMBED_POLICY = "default-src 'self'; script-src 'self' 'sha256-CCCC'";

const page = (policy: string, title: string) =>
	`<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

export interface Fixture {
	root: string;
	site: string;
	done(): void;
}

/** The site's files, relative to the build folder, and what is in them. */
export function makeSite(): Fixture {
	const root = mkdtempSync(join(tmpdir(), 'serve-test-'));
	const site = join(root, 'site');
	const files: Record<string, string> = {
		'index.html': page(HOME_POLICY, 'Home'),
		'methodology.html': page(PAGE_POLICY, 'Methodology'),
		'methodology/__data.json': '{}',
		'embed/card.html': page(EMBED_POLICY, 'Card'),
		// A page built as a folder (trailingSlash 'always'), beside the x.html pages above.
		'areas/E08000025/index.html': page(PAGE_POLICY, 'Birmingham'),
		'robots.txt': 'User-agent: *\n',
		'_app/immutable/assets/engine.wasm': '\0asm',
		'_app/immutable/assets/engine.worker.js': 'self.onmessage = () => {};\n'
	};
	for (const [file, text] of Object.entries(files)) {
		mkdirSync(dirname(join(site, file)), { recursive: true });
		writeFileSync(join(site, file), text);
	}
	writeFileSync(join(root, 'secret.txt'), SECRET);
	writeFileSync(join(root, 'package.json'), SECRET);
	mkdirSync(join(root, 'site-secret'));
	writeFileSync(join(root, 'site-secret', 'secret.txt'), SECRET);
	return { root, site, done: () => rmSync(root, { recursive: true, force: true }) };
}

export interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** One request with the path sent exactly as written. */
export function rawGet(url: string, path: string, method = 'GET'): Promise<Reply> {
	const { hostname, port } = new URL(url);
	return new Promise((ok, fail) => {
		const req = request({ host: hostname, port, path, method }, (res) => {
			let body = '';
			res.setEncoding('latin1');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		req.on('error', fail);
		// A server that crashed or hung on this path never answers: say so rather than wait.
		req.setTimeout(5_000, () => req.destroy(new Error(`no answer to ${method} ${path} within 5 s`)));
		req.end();
	});
}

/** Close a server now, kept-alive connections and all. */
export const closeServer = (server: Server) =>
	new Promise<void>((done) => {
		server.close(() => done());
		server.closeAllConnections();
	});

export interface ServedSite {
	fixture: Fixture;
	server: Server;
	url: string;
}

/** The fixture site with its _headers written, served for the tests of one file or describe block. */
export function useServedSite(options: { base?: string } = {}): ServedSite {
	const state = {} as ServedSite;
	beforeAll(async () => {
		state.fixture = makeSite();
		writeHeadersFile(state.fixture.site, options);
		Object.assign(state, await serve({ dir: state.fixture.site, port: 0, base: options.base }));
	});
	afterAll(async () => {
		await closeServer(state.server);
		state.fixture.done();
	});
	return state;
}
