/**
 * What figures are held, per indicator: the periods with a row (oldest first) and the areas with
 * a row, each as a comma-separated list. The explorer's choices and checks come from this.
 */
import { named } from './named';

export interface CoverageRow {
	indicator_id: string;
	periods: string;
	areas: string;
}

export const coverage = () =>
	named<CoverageRow>(
		'coverage',
		`SELECT indicator_id, string_agg(DISTINCT period, ',' ORDER BY period) AS periods,
		        string_agg(DISTINCT area_code, ',' ORDER BY area_code) AS areas
		 FROM observations GROUP BY indicator_id ORDER BY indicator_id`
	);
