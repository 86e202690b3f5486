/** Where an indicator's full, prerendered page is. */
import { base } from '$app/paths';

export const fullPageHref = (indicatorId: string): string => `${base}/indicators/${encodeURIComponent(indicatorId)}/`;
