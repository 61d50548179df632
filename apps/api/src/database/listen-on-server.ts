// LISTEN on the PostgreSQL server: one dedicated connection (a pooled one would be handed
// to queries and lose its LISTEN). A dropped connection is reopened after a pause and the
// listener is told once, since notifications sent meanwhile are lost: the caller catches up.
import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1_000;

export async function listenOnServer(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  const logger = new Logger('DatabaseListen');
  let client: Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    const next = new Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on('error', (error) => {
      logger.warn(`LISTEN ${channel} connection lost: ${error.message}`);
      void next.end().catch(() => undefined);
      if (client === next) client = undefined;
      if (!stopped) retry = setTimeout(() => void reopen(), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  const reopen = async (): Promise<void> => {
    try {
      await open();
      onNotify();
    } catch {
      if (!stopped) retry = setTimeout(() => void reopen(), RECONNECT_MS);
    }
  };

  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
