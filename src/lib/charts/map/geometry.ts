/**
 * Boundaries to SVG paths, with d3-geo. Run at build time by scripts/generate-map-paths.ts, which
 * writes ./districts.ts, so the browser gets a few kilobytes of path data and neither d3-geo nor
 * the GeoJSON. The projection is transverse Mercator on the 2°W meridian (the central meridian of
 * the British National Grid), so the districts keep the shapes readers know from OS maps.
 */
import { geoPath, geoTransverseMercator } from 'd3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface DistrictShape {
	/** GSS code, e.g. E08000026. */
	code: string;
	name: string;
	/** SVG path data in viewBox units. */
	d: string;
	/** Where the district's label goes: the centroid of its shape, in viewBox units. */
	x: number;
	y: number;
}

export interface MapGeometry {
	width: number;
	height: number;
	districts: DistrictShape[];
}

export interface BoundaryProperties {
	LAD22CD: string;
	LAD22NM: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Projects the districts to fit `width` (less `padding` either side); the height follows from the
 * shapes. Districts come out sorted by name, the order of the tab stops and of the table.
 */
export function districtPaths(
	collection: FeatureCollection<Geometry, BoundaryProperties>,
	{ width = 640, padding = 8 }: { width?: number; padding?: number } = {}
): MapGeometry {
	const projection = geoTransverseMercator()
		.rotate([2, 0])
		.fitWidth(width - 2 * padding, collection);
	const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
	const [tx, ty] = projection.translate();
	projection.translate([tx + padding, ty - y0 + padding]);
	const path = geoPath(projection).digits(1);
	const height = Math.ceil(y1 - y0 + 2 * padding);
	const districts = collection.features
		.map((f: Feature<Geometry, BoundaryProperties>) => {
			const [x, y] = path.centroid(f);
			return { code: f.properties.LAD22CD, name: f.properties.LAD22NM, d: path(f) ?? '', x: round1(x), y: round1(y) };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	return { width, height, districts };
}
