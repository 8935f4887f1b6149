import { geoArea, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { MAP_COLORS } from './chartColors';

/*
 * The world map of the countries assisted, drawn here from Natural Earth's 1:110m geometry in
 * the world-atlas package (bundled with the dashboard: no tiles, nothing fetched), as the year
 * report draws its own on the server.
 */

export interface MapCountry {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** What a screen reader hears for it: its name and figures. */
  label: string;
}

type CountryFeature = Feature<Geometry, { name: string }>;

const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
// Antarctica takes a fifth of the height and no program goes there.
const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features.filter(
  (country) => country.id !== '010',
);
const byAlpha2 = new Map<string, CountryFeature>();
for (const country of countries) {
  const alpha2 = numericToAlpha2(String(country.id ?? ''));
  if (alpha2) byAlpha2.set(alpha2, country);
}

/**
 * Where a country's marker goes: the middle of its largest piece of land, so France's marker is
 * in France rather than between Paris and Cayenne.
 */
function mainland(country: CountryFeature): CountryFeature {
  if (country.geometry.type !== 'MultiPolygon') return country;
  const pieces = (country.geometry as MultiPolygon).coordinates.map(
    (coordinates): CountryFeature => ({ ...country, geometry: { type: 'Polygon', coordinates } as Polygon }),
  );
  return pieces.reduce((largest, piece) => (geoArea(piece) > geoArea(largest) ? piece : largest));
}

/** The width the map has on the page, so markers keep their size on a phone and on a desktop. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const MARKER_RADIUS = 6;

export function CountriesMap({ assisted, title }: { assisted: MapCountry[]; title: string }) {
  const { ref, width } = useWidth();
  const height = Math.round(width * 0.47);
  const drawing = useMemo(() => {
    if (width === 0) return null;
    const projection = geoEqualEarth().fitExtent(
      [
        [4, 4],
        [width - 4, height - 4],
      ],
      { type: 'FeatureCollection', features: countries },
    );
    const path = geoPath(projection);
    const shaded = new Set(assisted.map((entry) => entry.country));
    return {
      land: countries.map((country) => ({
        key: String(country.id ?? country.properties.name),
        d: path(country) ?? '',
        isAssisted: shaded.has(numericToAlpha2(String(country.id ?? '')) ?? ''),
      })),
      // Small countries (Haiti, El Salvador) are a few pixels wide: a marker keeps each visible.
      markers: assisted.flatMap((entry) => {
        const country = byAlpha2.get(entry.country);
        const [x, y] = country ? path.centroid(mainland(country)) : [Number.NaN, Number.NaN];
        return Number.isFinite(x) && Number.isFinite(y) ? [{ ...entry, x, y }] : [];
      }),
    };
  }, [assisted, width, height]);

  return (
    <div ref={ref} className="countries-map">
      {drawing && (
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={title}>
          <g aria-hidden="true">
            {drawing.land.map((country) => (
              <path key={country.key} d={country.d} fill={country.isAssisted ? MAP_COLORS.assisted : MAP_COLORS.land} stroke="#fff" strokeWidth={0.5} />
            ))}
          </g>
          {drawing.markers.map((marker) => (
            <g key={marker.country} role="img" aria-label={marker.label}>
              <title>{marker.label}</title>
              <circle cx={marker.x} cy={marker.y} r={MARKER_RADIUS} fill={MAP_COLORS.marker} stroke="#fff" strokeWidth={1.5} />
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
