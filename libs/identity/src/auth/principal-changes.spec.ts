import { EventEmitter } from 'node:events';
import type { AppConfig, RedisConnections } from '@app/core';
import { CONFIRM_MS, HEARTBEAT_MS, PrincipalChanges, TRUST_MS } from './principal-changes';

const config = { redis: { prefix: 'sbt-test' } } as AppConfig;

/** One Redis's pub/sub: what each connection subscribed to, and delivery to it. */
class Hub {
  readonly subscribers = new Map<string, Set<FakeConnection>>();

  publish(channel: string, message: string): number {
    const receivers = this.subscribers.get(channel) ?? new Set();
    for (const connection of receivers) connection.deliver(channel, message);
    return receivers.size;
  }
}

/** A connection; `held`: what Redis sends it (messages, PING answers) waits, as when it hangs. */
class FakeConnection extends EventEmitter {
  held = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly hub: Hub) {
    super();
    setImmediate(() => this.emit('ready'));
  }

  subscribe(...channels: string[]): Promise<number> {
    for (const channel of channels) {
      const set = this.hub.subscribers.get(channel) ?? new Set();
      set.add(this);
      this.hub.subscribers.set(channel, set);
    }
    return Promise.resolve(channels.length);
  }

  publish(channel: string, message: string): Promise<number> {
    return Promise.resolve(this.hub.publish(channel, message));
  }

  ping(): Promise<string> {
    return new Promise((resolve) => this.send(() => resolve('PONG')));
  }

  deliver(channel: string, message: string): void {
    this.send(() => this.emit('message', channel, message));
  }

  release(): void {
    this.held = false;
    for (const send of this.waiting.splice(0)) send();
  }

  private send(what: () => void): void {
    if (this.held) this.waiting.push(what);
    else setImmediate(what);
  }
}

/**
 * A process: its PrincipalChanges, its subscriber connection, what it heard. `keeps`: an API
 * process, which hears announcements; otherwise (the worker) only its confirmations.
 */
function processOn(hub: Hub, keeps = true) {
  const shared = new FakeConnection(hub);
  let subscriber: FakeConnection | undefined;
  const connections = {
    shared: () => shared,
    create: () => (subscriber = new FakeConnection(hub)),
  } as unknown as RedisConnections;
  const changes = new PrincipalChanges(config, connections);
  const heard: string[][] = [];
  let resets = 0;
  changes.start(
    keeps
      ? {
          heard: (users) => heard.push([...users]),
          reset: () => {
            resets += 1;
          },
        }
      : undefined,
  );
  return { changes, shared, subscriber: () => subscriber!, heard, resets: () => resets };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
/** The processes started so far have connected (ready) and subscribed. */
const subscribed = async () => {
  await tick();
  await tick();
};
const USER = '0d4f0a52-8c8e-4f7a-9d55-3d1f3a6c2b11';

describe('PrincipalChanges', () => {
  let hub: Hub;
  const started: PrincipalChanges[] = [];
  const process = (keeps = true) => {
    const p = processOn(hub, keeps);
    started.push(p.changes);
    return p;
  };

  beforeEach(() => {
    hub = new Hub();
  });
  afterEach(() => {
    for (const changes of started.splice(0)) changes.onModuleDestroy();
    jest.useRealTimers();
  });

  it('stands once subscribed, and starts the listener afresh', async () => {
    const here = process();
    expect(here.changes.standing()).toBeUndefined();
    await subscribed();
    expect(here.changes.standing()).toBe(1);
    expect(here.resets()).toBe(1);
  });

  it('answers an announcement only once every subscribed process heard it and confirmed', async () => {
    const here = process();
    const there = process();
    await subscribed();
    there.subscriber().held = true;
    const { published, id } = here.changes.announce(here.shared as never, [USER]);
    const receivers = await published;
    expect(receivers).toBe(2);
    let confirmed: boolean | undefined;
    const waiting = here.changes.confirmed(id, receivers).then((all) => (confirmed = all));
    for (let i = 0; i < 5; i += 1) await tick();
    expect(here.heard).toEqual([[USER]]);
    expect(there.heard).toEqual([]);
    expect(confirmed).toBeUndefined();

    there.subscriber().release();
    await waiting;
    expect(there.heard).toEqual([[USER]]);
    expect(confirmed).toBe(true);
  });

  it('waits no longer than a second for a process that does not confirm', async () => {
    const here = process();
    const there = process();
    await subscribed();
    there.subscriber().held = true;
    const { published, id } = here.changes.announce(here.shared as never, [USER]);
    const started = performance.now();
    await expect(here.changes.confirmed(id, await published)).resolves.toBe(false);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(CONFIRM_MS - 20);
    expect(waited).toBeLessThan(CONFIRM_MS + 500);
  });

  it('stops standing when its heartbeat goes unanswered, and stands again once one answers', async () => {
    const here = process();
    await subscribed();
    expect(here.changes.standing()).toBe(1);
    here.subscriber().held = true;
    await new Promise((resolve) => setTimeout(resolve, TRUST_MS + 50));
    expect(here.changes.standing()).toBeUndefined();
    here.subscriber().release();
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS + 100));
    expect(here.changes.standing()).toBe(1);
  });

  it('no longer trusts a subscription that has not heard a change by the time its announcer gives up', async () => {
    const here = process();
    const there = process();
    await subscribed();
    // There stalls: what Redis sends it (the announcement, the answers to its PINGs) waits.
    there.subscriber().held = true;
    const { published, id } = here.changes.announce(here.shared as never, [USER]);
    await expect(here.changes.confirmed(id, await published)).resolves.toBe(false);
    // The change's answer goes out now; there must not use what it kept.
    expect(there.heard).toEqual([]);
    expect(there.changes.standing()).toBeUndefined();
  });

  it('waits the whole second when its own subscription is down: it hears no confirmation', async () => {
    const here = process();
    const there = process();
    await subscribed();
    here.subscriber().emit('close');
    hub.subscribers.forEach((set) => set.delete(here.subscriber()));
    const { published, id } = here.changes.announce(here.shared as never, [USER]);
    const receivers = await published;
    expect(receivers).toBe(1);
    const started = performance.now();
    await expect(here.changes.confirmed(id, receivers)).resolves.toBe(false);
    expect(performance.now() - started).toBeGreaterThanOrEqual(CONFIRM_MS - 20);
    expect(there.heard).toEqual([[USER]]);
  });

  it('a process that keeps no principals hears its confirmations only, and is no receiver', async () => {
    const worker = process(false);
    const api = process();
    await subscribed();
    expect(worker.changes.standing()).toBeUndefined();
    const { published, id } = worker.changes.announce(worker.shared as never, [USER]);
    const receivers = await published;
    expect(receivers).toBe(1);
    await expect(worker.changes.confirmed(id, receivers)).resolves.toBe(true);
    expect(api.heard).toEqual([[USER]]);
    expect(worker.heard).toEqual([]);
  });

  it('starts the listener afresh when the subscription is lost', async () => {
    const here = process();
    await subscribed();
    here.subscriber().emit('close');
    expect(here.changes.standing()).toBeUndefined();
    expect(here.resets()).toBe(2);
  });

  it('ignores what is not an announcement', async () => {
    const here = process();
    await subscribed();
    hub.publish('sbt-test:principal-changes', 'not json');
    hub.publish('sbt-test:principal-changes', 'null');
    hub.publish('sbt-test:principal-changes', '42');
    hub.publish('sbt-test:principal-changes', JSON.stringify({ id: 'x', users: 'all' }));
    await tick();
    expect(here.heard).toEqual([]);
  });
});
