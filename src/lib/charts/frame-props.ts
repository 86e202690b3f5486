/**
 * The *Figure components take a chart's props and the frame's editorial props in one bag; this
 * splits them, so each component passes the frame props on whole instead of naming each one.
 */
import type { FrameProps } from './types';

const FRAME_KEYS: readonly string[] = [
	'title',
	'headingLevel',
	'takeaway',
	'subtitle',
	'alt',
	'source',
	'sourceDate',
	'methodologyHref',
	'illustrative',
	'id',
	'query',
	'embed'
] satisfies readonly (keyof FrameProps)[];

export function splitFrameProps<T extends FrameProps>(props: T): { frame: FrameProps; chart: Omit<T, keyof FrameProps> } {
	const frame: Record<string, unknown> = {};
	const chart: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(props)) (FRAME_KEYS.includes(key) ? frame : chart)[key] = value;
	return { frame: frame as unknown as FrameProps, chart: chart as Omit<T, keyof FrameProps> };
}
