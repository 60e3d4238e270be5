import { useEffect, useState } from 'react';

/** The screens of the application; each has an address after `#` so that reloading keeps the place. */
export type Route = 'dashboard' | 'tracking' | 'dispatches' | 'register' | 'intake' | 'review' | 'incoming' | 'units' | 'settings' | 'backup' | 'audit';

/** Where the window is: a screen, and the record it has open ("#/van-ban-di/12" opens dispatch 12). */
export interface Location {
  route: Route;
  id: number | null;
  /** What follows `?` ("#/theo-doi-bao-cao/1?ky=2021" keeps the period shown): the screen's own choices. */
  params: URLSearchParams;
}

const HASHES: Record<Route, string> = {
  dashboard: '#/tong-quan',
  tracking: '#/theo-doi-bao-cao',
  dispatches: '#/van-ban-di',
  register: '#/so-van-ban-di',
  intake: '#/nhap-van-ban-den',
  review: '#/cho-xac-nhan',
  incoming: '#/so-van-ban-den',
  units: '#/don-vi-nhan',
  settings: '#/cai-dat',
  backup: '#/sao-luu',
  audit: '#/nhat-ky',
};

const defaultLocation = (): Location => ({ route: 'dashboard', id: null, params: new URLSearchParams() });

export function routeHref(route: Route, id: number | null = null, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `${id === null ? HASHES[route] : `${HASHES[route]}/${id}`}${query ? `?${query}` : ''}`;
}

function locationFromHash(hash: string): Location {
  const match = /^(#\/[a-z-]+)(?:\/(\d+))?(?:\?(.*))?$/.exec(hash);
  const route = match && (Object.keys(HASHES) as Route[]).find((r) => HASHES[r] === match[1]);
  if (!match || !route) return defaultLocation();
  return { route, id: match[2] ? Number(match[2]) : null, params: new URLSearchParams(match[3] ?? '') };
}

export function navigate(route: Route, id: number | null = null, params: Record<string, string> = {}): void {
  window.location.hash = routeHref(route, id, params);
}

export function useLocation(): Location {
  const [location, setLocation] = useState<Location>(() => locationFromHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setLocation(locationFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location;
}
