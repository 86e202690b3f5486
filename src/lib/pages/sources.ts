/**
 * The "Source: … (date)" line under a chart, from sources.csv rows: every distinct source of the
 * figures shown, most recent publication first.
 */
import type { Source } from '../data/contract';
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
