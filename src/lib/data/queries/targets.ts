/**
 * The targets set for one area (data/targets.csv), each with its source's kind, title and date, so
 * the report can say whether a target is published or illustrative.
 */
import type { Target } from '../contract';
import { named } from './named';

export interface TargetRow extends Target {
	source_kind: string;
	source_title: string;
	source_published: string;
}

export const targetsForArea = (areaCode: string) =>
	named<TargetRow>(
		'targetsForArea',
		`SELECT t.indicator_id, t.area_code, t.target_value, t.target_period, t.baseline_period, t.set_by, t.source_id,
		        coalesce(s.kind, '') AS source_kind, coalesce(s.title, '') AS source_title, coalesce(s.published, '') AS source_published
		 FROM targets t LEFT JOIN sources s USING (source_id)
		 WHERE t.area_code = ?
		 ORDER BY t.indicator_id, t.target_period`,
		[areaCode]
	);
