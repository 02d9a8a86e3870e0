import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

// The newsroom console (apps/web), built by Vite into dist/web beside dist/apps. Served at `/`
// on the API's own origin; any other non-API path answers index.html so the console's own
// routes (/article/…, /speaker/…) survive a reload. /api, /docs and /health stay Nest's, so an
// unknown /api/... path is still the JSON 404.
export const WEB_ROOT = join(__dirname, '..', '..', '..', 'web');
const NOT_THE_CONSOLE = /^\/(?:api|docs|health)(?:[/-]|$)/;

export function webConsoleModules(root = WEB_ROOT): DynamicModule[] {
  // In-process tests run from source, where nothing is built: no console, the API alone.
  if (!existsSync(join(root, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: root,
      exclude: NOT_THE_CONSOLE,
      serveStaticOptions: {
        index: false,
        // Vite names assets by content hash, so they never change; index.html always revalidates.
        setHeaders: (res, path) => {
          if (path.includes(`${join(root, 'assets')}`))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      },
    }),
  ];
}
