import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { NextFunction, Request, Response } from 'express';

// The newsroom console (apps/web), built by Vite into dist/web beside dist/apps. Served at `/`
// on the API's own origin; any other non-API path answers index.html so the console's own
// routes (/articles/…, /speakers/…) survive a reload. /api, /docs and /health stay Nest's.
export const WEB_ROOT = join(__dirname, '..', '..', '..', 'web');
const NOT_THE_CONSOLE = /^\/(?:api|docs|health)(?:[/-]|$)/;

// Nest answers unknown paths under /api/v1 with the JSON 404; this does the same for the rest
// of /api (a wrong version, a typo), which Express would answer with an HTML page.
@Module({})
class ApiNotFoundModule implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const app = this.host.httpAdapter?.getInstance<{
      use(path: string, fn: (req: Request, res: Response, next: NextFunction) => void): void;
    }>();
    app?.use('/api', (req, res, next) => {
      if (/^\/api\/v1(?:[/?]|$)/.test(req.originalUrl)) return next();
      res.status(404).json({
        statusCode: 404,
        error: 'Not Found',
        message: `Cannot ${req.method} ${req.originalUrl.split('?')[0]}; the API is under /api/v1`,
        requestId: String(res.getHeader('x-request-id') ?? ''),
      });
    });
  }
}

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
          if (path.startsWith(join(root, 'assets')))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      },
    }),
    { module: ApiNotFoundModule },
  ];
}
