import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId } from './request-id';

// Structured JSON logs with a request id on every line; the id is echoed in x-request-id.
@Module({})
export class LoggerModule {
  static forRoot(level: string): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRoot({
          pinoHttp: {
            level,
            genReqId: (req: IncomingMessage, res: ServerResponse) => assignRequestId(req, res),
            redact: ['req.headers.authorization'],
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
          },
        }),
      ],
    };
  }
}
