import { createRequire } from 'node:module';
import { countries } from '../../platform/countries.js';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { scaleBand, scaleLinear } from 'd3-scale';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Charts and the world map as SVG, drawn on the server so a printed report, its PDF and its
 * HTML show the same pictures. World geometry comes from the world-atlas package (Natural Earth,
 * 1:110m): nothing is fetched.
 */

const require = createRequire(import.meta.url);
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Bar {
  label: string;
  value: number;
}

/** A horizontal bar chart with its values written out, so it reads without colour and in print. */
export function barChart(title: string, bars: readonly Bar[], width = 640, format: (n: number) => string = String, options: { drawTitle?: boolean } = {}): string {
  const drawTitle = options.drawTitle ?? true;
  const rowHeight = 28;
  const left = 190;
  const plotTop = drawTitle ? 30 : 4;
  const height = bars.length * rowHeight + plotTop + 10;
  const x = scaleLinear().domain([0, Math.max(1, ...bars.map((b) => b.value))]).range([0, width - left - 60]);
  const y = scaleBand().domain(bars.map((_, i) => String(i))).range([plotTop, height - 10]).padding(0.25);
  const rows = bars
    .map((bar, i) => {
      const top = y(String(i)) ?? 0;
      const h = y.bandwidth();
      return `<text x="${left - 8}" y="${top + h / 2 + 4}" text-anchor="end" font-size="12">${escape(bar.label)}</text>` +
        `<rect x="${left}" y="${top}" width="${Math.max(1, x(bar.value))}" height="${h}" fill="#005ea2"/>` +
        `<text x="${left + x(bar.value) + 6}" y="${top + h / 2 + 4}" font-size="12">${escape(format(bar.value))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t">` +
    `<title id="t">${escape(title)}</title>${drawTitle ? `<text x="0" y="16" font-size="14" font-weight="bold">${escape(title)}</text>` : ''}${rows}</svg>`;
}

let world: FeatureCollection<Geometry, { name: string }> | null = null;

function worldFeatures() {
  if (!world) {
    const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  }
  return world;
}

/** A world map with the given countries (ISO alpha-2) shaded, and a key naming them. */
export function worldMap(title: string, shaded: ReadonlyMap<string, string>, width = 720): string {
  const height = Math.round(width * 0.5);
  const projection = geoEqualEarth().fitSize([width, height - 10], worldFeatures());
  const path = geoPath(projection);
  const markers: string[] = [];
  const shapes = worldFeatures()
    .features.map((f) => {
      const alpha2 = countries.numericToAlpha2(String(f.id ?? '')) ?? '';
      const note = shaded.get(alpha2);
      // Small countries (Haiti, El Salvador) are a few pixels wide: a marker keeps them visible.
      if (note) {
        const [cx, cy] = path.centroid(f);
        if (Number.isFinite(cx) && Number.isFinite(cy)) markers.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="5" fill="#d83933" stroke="#fff" stroke-width="1.5"><title>${escape(note)}</title></circle>`);
      }
      return `<path d="${path(f) ?? ''}" fill="${note ? '#005ea2' : '#dfe1e2'}" stroke="#fff" stroke-width="0.4">${note ? `<title>${escape(note)}</title>` : ''}</path>`;
    })
    .join('');
  const key = [...shaded.values()]
    .map((note, i) => `<circle cx="13" cy="${height + 13 + i * 16}" r="5" fill="#d83933"/><text x="24" y="${height + 17 + i * 16}" font-size="12">${escape(note)}</text>`)
    .join('');
  const total = height + 24 + shaded.size * 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" role="img" aria-labelledby="m">` +
    `<title id="m">${escape(title)}</title>${shapes}${markers.join('')}${key}</svg>`;
}
