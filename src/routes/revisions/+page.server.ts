import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';
import { renderMarkdown } from '$lib/content/content';

// /revisions/ as the issue writes it: a folder with index.html.
export const trailingSlash = 'always';

/** Every revision and every edition, prerendered; the filter runs in the page (see +page.svelte). */
export async function load() {
	const db = await getDatabase();
	const [revisions, editions] = await Promise.all([run(db, queries.revisions()), run(db, queries.editions())]);
	// Commentary is markdown from editions.csv, rendered here with raw HTML escaped and unsafe links dropped.
	return { revisions, editions: editions.map((e) => ({ ...e, commentaryHtml: e.commentary ? renderMarkdown(e.commentary) : '' })) };
}
