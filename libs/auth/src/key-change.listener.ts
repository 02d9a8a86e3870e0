import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeysService } from './api-keys.service';

export const KEY_CHANGE_CHANNEL = 'api_key_changed';
const HEARTBEAT_MS = 10_000;
const MAX_BACKOFF_MS = 5_000;

// A dedicated connection (not from the pool) that LISTENs for api_key changes (a trigger
// NOTIFYs on UPDATE, DELETE and TRUNCATE) and evicts those keys from the cache. While it is not
// connected the cache is off, so a revocation is never missed; it reconnects with backoff, and
// a heartbeat notices a connection that died quietly.
@Injectable()
export class KeyChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KeyChangeListener.name);
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private backoff = 100;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.keys.setCacheTrusted(false);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({
      connectionString: url,
      application_name: 'quote-ledger-key-changes',
      keepAlive: true,
    });
    client.on('notification', (msg) => {
      if (msg.channel === KEY_CHANGE_CHANNEL) this.keys.forget(msg.payload || '*');
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${KEY_CHANGE_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.logger.warn({ err }, 'cannot listen for key changes; verifying every key until then');
      this.schedule();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoff = 100;
    this.keys.setCacheTrusted(true);
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((err: Error) => this.lost(client, err));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private lost(client: Client, err?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.keys.setCacheTrusted(false);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn({ err }, 'lost the key-change listener; reconnecting');
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.retry) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
