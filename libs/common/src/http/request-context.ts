import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from './roles';

export interface Actor {
  keyId: string | null;
  name: string;
  role: Role | null;
}

export interface RequestContext {
  requestId: string | null;
  actor: Actor;
}

export const ANONYMOUS: Actor = { keyId: null, name: 'anonymous', role: null };
export const SYSTEM: Actor = { keyId: null, name: 'system', role: 'admin' };

const storage = new AsyncLocalStorage<RequestContext>();

// Who is acting and under which request id, without threading it through every call.
export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext {
    return storage.getStore() ?? { requestId: null, actor: SYSTEM };
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
