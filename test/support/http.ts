import type { TestServer } from './server';

/** A response with its parsed JSON body (or null). */
export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny HTTP client that keeps the session cookie, like a browser would. */
export class Agent {
  cookie = '';
  /** The cookie this agent keeps: the staff session's, or the patient dashboard's (`mq_patient`). */
  cookieName = 'mq_session';

  constructor(private readonly server: TestServer) {}

  /** Sends a request; `body` is sent as JSON unless it is already a string. */
  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    const response = await fetch(this.server.baseUrl + path, {
      method,
      headers: {
        // Like the front ends: every change is JSON, body or not (the server refuses other types).
        ...(body !== undefined || method !== 'GET' ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const setCookie = response.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      const [name, value] = pair.split('=');
      if (name === this.cookieName) this.cookie = value ? `${name}=${value}` : '';
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }

  /** Signs in and fails loudly if that does not work. */
  async signIn(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}
