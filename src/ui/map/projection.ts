// The map projection (UI only; the sim never sees coordinates). A conformal conic
// centred on the Caspian keeps shapes familiar from Budapest to western China.
import { geoConicConformal, type GeoProjection } from 'd3-geo';

export interface LonLat { lon: number; lat: number }

export function fitProjection(points: LonLat[], width: number, height: number, pad: { top: number; right: number; bottom: number; left: number }): GeoProjection {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const lonMin = Math.min(...lons);
  const lonMax = Math.max(...lons);
  const latMin = Math.min(...lats);
  const latMax = Math.max(...lats);
  const centre = (lonMin + lonMax) / 2;
  const projection = geoConicConformal()
    .rotate([-centre, 0])
    .parallels([latMin + (latMax - latMin) / 4, latMax - (latMax - latMin) / 4]);
  // Fit the nodes' bounding box (as a polygon outline) with room for edge arrows.
  const outline = {
    type: 'MultiPoint' as const,
    coordinates: [
      [lonMin, latMin], [lonMax, latMin], [lonMin, latMax], [lonMax, latMax], [centre, latMax], [centre, latMin],
    ],
  };
  projection.fitExtent(
    [
      [pad.left, pad.top],
      [Math.max(pad.left + 50, width - pad.right), Math.max(pad.top + 50, height - pad.bottom)],
    ],
    outline,
  );
  return projection;
}
