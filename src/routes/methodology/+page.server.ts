import { getDatabase } from '$lib/server/db';
import { queries, run } from '$lib/data/queries';
import { validationRules } from '$lib/data/validate';
import { indicatorRules } from './rules';

export async function load() {
	const db = await getDatabase();
	const [indicators, sources, areas] = await Promise.all([
		run(db, queries.indicators()),
		run(db, queries.sources()),
		run(db, queries.areas())
	]);
	// Worked out here, at build time, so the validator is not shipped to the browser for its words.
	const rules = Object.fromEntries(indicators.map((i) => [i.indicator_id, indicatorRules(i)]));
	return { indicators, sources, areas, rules, checks: validationRules() };
}
