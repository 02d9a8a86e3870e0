import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '@app/common';
import { DATABASE_URLS, DatabaseUrls } from '@app/database';
import PgBoss from 'pg-boss';

export const EXTRACT_QUEUE = 'extract-article';
// Attempts after the first before an article is marked failed.
const RETRY_LIMIT = 3;
// Jobs sent in one statement.
const ENQUEUE_BATCH = 1000;

// What a job does with its article (ExtractionJobs), provided under a token: this file does
// not import it, since the work needs services that import this queue.
export interface ExtractionWork {
  run(articleId: string): Promise<unknown>;
  // First extractions of a batch in one transaction; answers the re-extractions left to `run`.
  runMany(articleIds: string[]): Promise<{ reextract: string[] }>;
  fail(articleId: string, error: string): Promise<void>;
}
export const EXTRACTION_WORK = Symbol('ExtractionWork');

interface ExtractJob {
  articleId: string;
}

// The extraction queue (pg-boss, schema `pgboss`). Its pool connects as the schema owner: pg-boss
// creates and migrates its schema and a partition table per queue, which the row-only app role
// may not (docs/DECISIONS.md). Started on first use, so a process that never queues opens nothing.
@Injectable()
export class ExtractionQueue implements OnModuleDestroy {
  private readonly log = new Logger('ExtractionQueue');
  private boss?: Promise<PgBoss>;

  constructor(
    @Inject(DATABASE_URLS) private readonly urls: DatabaseUrls,
    private readonly config: AppConfig,
    // Looked up when working, not injected: the job needs ArticlesService, which asks this
    // queue (through the ARTICLE_QUOTES port) to send jobs: injecting it would close a cycle.
    private readonly moduleRef: ModuleRef,
  ) {}

  private get jobs(): ExtractionWork {
    return this.moduleRef.get<ExtractionWork>(EXTRACTION_WORK, { strict: false });
  }

  private started(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({
        connectionString: this.urls.ownerUrl,
        schema: 'pgboss',
        application_name: 'quote-ledger-queue',
        max: 4,
        schedule: false,
        maintenanceIntervalSeconds: this.config.QUEUE_MAINTENANCE_SECONDS,
      });
      boss.on('error', (e: Error) => this.log.error(e.message));
      await boss.start();
      // 'short': at most one queued job per article (the singleton key): enqueuing an article
      // again while its job waits adds nothing. Two runs at once (a job sent again while the
      // first is active) wait on the article's row lock, and the second finds it done.
      const options = {
        name: EXTRACT_QUEUE,
        policy: 'short' as const,
        retryLimit: RETRY_LIMIT,
        retryDelay: 1,
        expireInSeconds: this.config.QUEUE_JOB_TIMEOUT_SECONDS,
      };
      // The timeout belongs to the queue (jobs take it when sent): each process sets it at
      // start, so every process of one deployment should have the same value.
      await boss.createQueue(EXTRACT_QUEUE, options);
      await boss.updateQueue(EXTRACT_QUEUE, options);
      return boss;
    })();
    // A failed start (the database was away) is tried again on the next use, not cached.
    this.boss.catch(() => (this.boss = undefined));
    return this.boss;
  }

  async enqueue(articleIds: string[]): Promise<void> {
    if (!articleIds.length) return;
    const boss = await this.started();
    for (let i = 0; i < articleIds.length; i += ENQUEUE_BATCH)
      await boss.insert(
        articleIds.slice(i, i + ENQUEUE_BATCH).map((articleId) => ({
          name: EXTRACT_QUEUE,
          data: { articleId } satisfies ExtractJob,
          singletonKey: articleId,
        })),
      );
  }

  // Takes jobs until the process stops. A batch is first stored in one transaction (set-based,
  // like a bulk import); if that fails, each job is run alone so one bad article fails only
  // itself. A batch whose handler throws is retried whole; the articles it had finished are
  // skipped on the retry (ExtractionJobs.run is idempotent). A worker killed mid-batch commits
  // nothing of it: its jobs expire and another worker takes them.
  async work(): Promise<void> {
    const boss = await this.started();
    const batchSize = this.config.WORKER_BATCH_SIZE;
    let workerId: string | undefined = undefined;
    workerId = await boss.work<ExtractJob>(
      EXTRACT_QUEUE,
      {
        batchSize,
        includeMetadata: true,
        pollingIntervalSeconds: 0.5,
      },
      async (jobs) => {
        // A full batch: more jobs are likely waiting, so the next fetch is not held back by the
        // polling interval (pg-boss otherwise waits it out after every batch, which capped a
        // worker at WORKER_BATCH_SIZE jobs per 0.5 s).
        if (jobs.length >= batchSize && workerId) boss.notifyWorker(workerId);
        let alone = jobs;
        try {
          const { reextract } = await this.jobs.runMany(jobs.map((job) => job.data.articleId));
          alone = jobs.filter((job) => reextract.includes(job.data.articleId));
        } catch (e) {
          if (jobs.length === 1 && jobs[0].retryCount < jobs[0].retryLimit) throw e;
          const message = e instanceof Error ? e.message : String(e);
          this.log.warn(
            `a batch of ${jobs.length} job(s) failed, running them one by one: ${message}`,
          );
        }
        let failure: unknown;
        for (const job of alone) {
          try {
            await this.jobs.run(job.data.articleId);
          } catch (e) {
            failure ??= e;
            const message = e instanceof Error ? e.message : String(e);
            this.log.warn(`extraction of ${job.data.articleId} failed: ${message}`);
            if (job.retryCount >= job.retryLimit) await this.jobs.fail(job.data.articleId, message);
          }
        }
        if (failure) throw failure;
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
