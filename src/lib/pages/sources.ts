/**
 * The "Source: … (date)" line under a chart, from sources.csv rows: every distinct source of the
 * figures shown, most recent publication first.
 */
import type { Polarity, Source } from '../data/contract';
import { formatPeriod } from '../format';

export function sourceLine(sources: readonly Source[], ids: Iterable<string>): { text: string; date: string } {
	const wanted = new Set([...ids].filter(Boolean));
	const used = sources
		.filter((s) => wanted.has(s.source_id))
		.sort((a, b) => (b.published || '').localeCompare(a.published || ''));
	const text = used.map((s) => `${s.publisher}, ${s.title}`).join('; ');
	const latest = used.find((s) => s.published)?.published ?? '';
	return { text: text || 'Not stated', date: latest ? formatPeriod(latest) : '' };
}

/** Each kind of source in words (kept with the rest of a figure's provenance words). */
export { SOURCE_KIND_WORDS } from '../format/provenance';

/** Whether lower or higher is better, in words. */
export const POLARITY_WORDS: Record<Polarity, string> = {
	lower_is_better: 'lower is better',
	higher_is_better: 'higher is better',
	neutral: 'neither'
};
