import { useEffect, useState } from 'react';

/** The screens of the application; each has an address after `#` so that reloading keeps the place. */
export type Route = 'dispatches' | 'register' | 'units' | 'settings';

/** Where the window is: a screen, and the record it has open ("#/van-ban-di/12" opens dispatch 12). */
export interface Location {
  route: Route;
  id: number | null;
}

const HASHES: Record<Route, string> = {
  dispatches: '#/van-ban-di',
  register: '#/so-van-ban-di',
  units: '#/don-vi-nhan',
  settings: '#/cai-dat',
};

const DEFAULT_LOCATION: Location = { route: 'units', id: null };

export function routeHref(route: Route, id: number | null = null): string {
  return id === null ? HASHES[route] : `${HASHES[route]}/${id}`;
}

function locationFromHash(hash: string): Location {
  const match = /^(#\/[a-z-]+)(?:\/(\d+))?$/.exec(hash);
  const route = match && (Object.keys(HASHES) as Route[]).find((r) => HASHES[r] === match[1]);
  if (!match || !route) return DEFAULT_LOCATION;
  return { route, id: match[2] ? Number(match[2]) : null };
}

export function navigate(route: Route, id: number | null = null): void {
  window.location.hash = routeHref(route, id);
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
