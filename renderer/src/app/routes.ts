import { useEffect, useState } from 'react';

/** The screens of the application; each has an address after `#` so that reloading keeps the place. */
export type Route = 'units' | 'settings';

const HASHES: Record<Route, string> = {
  units: '#/don-vi-nhan',
  settings: '#/cai-dat',
};

export function routeHref(route: Route): string {
  return HASHES[route];
}

function routeFromHash(hash: string): Route {
  return hash === HASHES.settings ? 'settings' : 'units';
}

export function navigate(route: Route): void {
  window.location.hash = HASHES[route];
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
