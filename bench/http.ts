import http from 'node:http';

/** An answer with its parsed JSON body (or the raw text when it is not JSON). */
export interface JsonAnswer<T = unknown> {
  status: number;
  body: T;
}

/**
 * A small JSON client over node:http with kept-alive connections. The benchmark uses it rather than fetch because
 * its own per-request cost is lower, so the figures say more about the server than about the client. It keeps the
 * staff session cookie as a browser would.
 */
export class JsonClient {
  /** `mq_session=...` once signed in. */
  cookie = '';
  private readonly agent: http.Agent;

  constructor(
    private readonly baseUrl: string,
    maxSockets = 8,
    private readonly timeoutMs = 30_000,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Sends `body` as JSON; rejects on a network error or after the timeout, never on an HTTP status. */
  request<T = any>(method: string, path: string, body?: unknown): Promise<JsonAnswer<T>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.baseUrl + path,
        {
          method,
          agent: this.agent,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair] = line.split(';');
              if (pair.startsWith('mq_session=')) this.cookie = pair;
            }
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // Not JSON (an HTML error page, say): keep the text for the failure message.
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T });
          });
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`${method} ${path} took longer than ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** POST with a JSON body. */
  post<T = any>(path: string, body: unknown = {}): Promise<JsonAnswer<T>> {
    return this.request<T>('POST', path, body);
  }

  /** Signs in as staff and keeps the session cookie; throws unless the server accepts. */
  async signIn(email: string, password: string): Promise<void> {
    const answer = await this.post('/api/auth/sign-in', { email, password });
    if (answer.status !== 200 || !this.cookie) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  /** Closes the kept-alive connections so neither side waits on them at shutdown. */
  close(): void {
    this.agent.destroy();
  }
}
