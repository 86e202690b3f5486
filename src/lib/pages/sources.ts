/**
 * The "Source: … (date)" line under a chart, from sources.csv rows: every distinct source of the
 * figures shown, most recent publication first, each with its own publication date. One source
 * gives its date apart (the chart frame writes "Source: A (date)"); several carry theirs in the
 * text ("A (27 February 2020); B (26 February 2026)") and the separate date is empty.
 */
import type { Polarity, Source } from '../data/contract';
import { formatPeriod } from '../format';

export function sourceLine(sources: readonly Source[], ids: Iterable<string>): { text: string; date: string } {
	const wanted = new Set([...ids].filter(Boolean));
	const used = sources
		.filter((s) => wanted.has(s.source_id))
		.sort((a, b) => (b.published || '').localeCompare(a.published || ''));
	const name = (s: Source) => `${s.publisher}, ${s.title}`;
	const dated = (s: Source) => (s.published ? ` (${formatPeriod(s.published)})` : '');
	if (used.length === 0) return { text: 'Not stated', date: '' };
	if (used.length === 1) return { text: name(used[0]), date: used[0].published ? formatPeriod(used[0].published) : '' };
	return { text: used.map((s) => name(s) + dated(s)).join('; '), date: '' };
}

/** Each kind of source in words (kept with the rest of a figure's provenance words). */
export { SOURCE_KIND_WORDS } from '../format/provenance';

/** Whether lower or higher is better, in words. */
export const POLARITY_WORDS: Record<Polarity, string> = {
	lower_is_better: 'lower is better',
	higher_is_better: 'higher is better',
	neutral: 'neither'
};
