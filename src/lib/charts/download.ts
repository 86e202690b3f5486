/**
 * SVG (the chart's own SVG, serialised) and PNG (the SVG drawn on a canvas) downloads of a chart.
 * Charts style their SVG with presentation attributes only, so the serialised SVG looks the same
 * outside the page. Loaded with a dynamic import on the first click, to keep it off first paint.
 */
import { FONT_FAMILY, TEXT, TEXT_SECONDARY } from './palette';
const SVG_NS = 'http://www.w3.org/2000/svg';

function escapeXml(text: string): string {
	return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface ExportOptions {
	title?: string;
	source?: string;
}

function viewBoxSize(svg: SVGSVGElement): { width: number; height: number } {
	const vb = svg.viewBox?.baseVal;
	if (vb && vb.width > 0) return { width: vb.width, height: vb.height };
	const r = svg.getBoundingClientRect();
	return { width: Math.round(r.width) || 640, height: Math.round(r.height) || 360 };
}

/**
 * One standalone SVG document from the chart SVGs in a figure (several, for small multiples, are
 * laid out in a grid), with the title above and the source below.
 */
export function serialiseSvg(svgs: SVGSVGElement[], options: ExportOptions = {}): { text: string; width: number; height: number } {
	const serializer = new XMLSerializer();
	const sizes = svgs.map(viewBoxSize);
	const columns = svgs.length <= 1 ? 1 : Math.min(3, svgs.length === 4 ? 2 : svgs.length);
	const cellWidth = Math.max(...sizes.map((s) => s.width), 1);
	const titleHeight = 22;
	const cellHeights = sizes.map((s, i) => s.height + (svgs[i].dataset.chartTitle && svgs.length > 1 ? titleHeight : 0));
	const rowHeight = Math.max(...cellHeights, 1);
	const rows = Math.ceil(svgs.length / columns);
	const pad = 16;
	const head = options.title ? 34 : 0;
	const foot = options.source ? 28 : 0;
	const width = columns * cellWidth + pad * 2;
	const height = rows * rowHeight + head + foot + pad * 2;

	const parts: string[] = [];
	svgs.forEach((svg, i) => {
		const clone = svg.cloneNode(true) as SVGSVGElement;
		const { width: w, height: h } = sizes[i];
		const x = pad + (i % columns) * cellWidth;
		let y = pad + head + Math.floor(i / columns) * rowHeight;
		const panelTitle = svgs.length > 1 ? svg.dataset.chartTitle : undefined;
		if (panelTitle) {
			parts.push(`<text x="${x}" y="${y + 16}" font-weight="bold" font-size="15" fill="${TEXT}">${escapeXml(panelTitle)}</text>`);
			y += titleHeight;
		}
		clone.removeAttribute('class');
		clone.removeAttribute('aria-hidden');
		clone.removeAttribute('focusable');
		clone.setAttribute('x', String(x));
		clone.setAttribute('y', String(y));
		clone.setAttribute('width', String(w));
		clone.setAttribute('height', String(h));
		parts.push(serializer.serializeToString(clone));
	});

	const text =
		`<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}" font-size="14">` +
		`<rect width="100%" height="100%" fill="#FFFFFF"/>` +
		(options.title
			? `<text x="${pad}" y="${pad + 20}" font-weight="bold" font-size="19" fill="${TEXT}">${escapeXml(options.title)}</text>`
			: '') +
		parts.join('') +
		(options.source
			? `<text x="${pad}" y="${height - pad}" font-size="13" fill="${TEXT_SECONDARY}">${escapeXml(options.source)}</text>`
			: '') +
		`</svg>`;
	return { text, width, height };
}

/** Saves a blob through a temporary <a download> with an object URL. */
export function saveBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	a.hidden = true;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svgs: SVGSVGElement[], filename: string, options: ExportOptions = {}): void {
	const { text } = serialiseSvg(svgs, options);
	saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), filename);
}

/** Draws the SVG on a canvas at `scale` times its size and saves it as a PNG. */
export async function downloadPng(
	svgs: SVGSVGElement[],
	filename: string,
	options: ExportOptions & { scale?: number } = {}
): Promise<void> {
	const { text, width, height } = serialiseSvg(svgs, options);
	const scale = options.scale ?? 2;
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.width = width;
		image.height = height;
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('No canvas');
		context.fillStyle = '#FFFFFF';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('Could not make the PNG');
		saveBlob(blob, filename);
	} finally {
		URL.revokeObjectURL(url);
	}
}
