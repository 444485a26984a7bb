// One build of gcoord: its package entry picks a development or a production copy of the same
// code at run time, and a bundler, unable to tell which, would ship both.
import gcoord from 'gcoord/dist/gcoord.cjs.js';
import type { CoordinateSystem } from './vocabulary';

/** `[lng, lat]`, as GeoJSON and gcoord order them. */
export type LngLat = [number, number];

/**
 * Clients in mainland China send points in the datum of the map they use: GCJ-02 (WeChat's
 * `wx.getLocation({ type: 'gcj02' })`, AMap, Tencent Maps), BD-09 (Baidu) or WGS-84 (browsers,
 * GPS). The API stores and answers WGS-84 only; these convert what a client sent.
 *
 * gcoord converts BD-09 to GCJ-02 in closed form, and GCJ-02 to WGS-84 by iterating its forward
 * transform without bound, which never ends for some points at the edge of its China box
 * (GCJ-02 `[72.0045, 30]`). The inverse here is the same iteration with a bound: within China it
 * converges to a centimetre in a few steps.
 */
export function toWgs84(position: readonly [number, number], from: CoordinateSystem): LngLat {
  const [lng, lat] = position;
  if (from === 'WGS84') return [lng, lat];
  const gcj02: LngLat = from === 'BD09' ? (gcoord.transform([lng, lat], gcoord.BD09, gcoord.GCJ02) as LngLat) : [lng, lat];
  return gcj02ToWgs84(gcj02);
}

/** How close (degrees, ≈ 1 cm) the WGS-84 point's GCJ-02 image must come to the given point. */
const INVERSE_TOLERANCE = 1e-7;
const INVERSE_MAX_STEPS = 30;

function gcj02ToWgs84([lng, lat]: LngLat): LngLat {
  let wgs84: LngLat = [lng, lat];
  for (let step = 0; step < INVERSE_MAX_STEPS; step += 1) {
    const [imageLng, imageLat] = gcoord.transform([wgs84[0], wgs84[1]], gcoord.WGS84, gcoord.GCJ02) as LngLat;
    const [dLng, dLat] = [imageLng - lng, imageLat - lat];
    if (Math.abs(dLng) <= INVERSE_TOLERANCE && Math.abs(dLat) <= INVERSE_TOLERANCE) break;
    wgs84 = [wgs84[0] - dLng, wgs84[1] - dLat];
  }
  return wgs84;
}

