/**
 * The hatching of a district with no figure ([x], [c] or [z]): grey diagonal lines on white, so a
 * missing value never looks like a low one (or zero) and needs no colour to be told apart.
 */
export const HATCH = { background: '#FFFFFF', line: '#505A5F', size: 6, strokeWidth: 1.5 } as const;

/** The id of a map's hatch pattern (unique per map, as several maps may share a page). */
export const hatchId = (mapId: string) => `${mapId}-hatch`;
