import { packageRoot } from '@ngo-hub/kit/common';
import { dirname, join } from 'node:path';

/** The gateway package's folder. */
export function gatewayRoot(): string {
  return packageRoot(__dirname);
}

/** The repository's top folder (holds schema/ and .data/). */
export function repositoryRoot(): string {
  return dirname(gatewayRoot());
}

export function graphiqlAssetsDir(): string {
  return join(gatewayRoot(), 'public', 'graphiql');
}

export function dashboardAssetsDir(): string {
  return join(gatewayRoot(), 'public', 'dashboard');
}
