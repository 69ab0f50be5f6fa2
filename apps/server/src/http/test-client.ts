/**
 * A browser-like client for integration tests: keeps the cookies the app sets and, like the web
 * app, repeats the c2b_csrf cookie in x-csrf-token on unsafe requests (unless told not to).
 */
type Requester = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export type TestClient = {
  cookies: Map<string, string>;
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; csrf?: boolean },
  ): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; csrf?: boolean },
  ): Promise<{ status: number; body: T; res: Response }>;
  signIn(login: string, password?: string): Promise<Response>;
};

export function testClient(app: Requester): TestClient {
  const cookies = new Map<string, string>();
  const client: TestClient = {
    cookies,
    async request(method, path, options = {}) {
      const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(cookie ? { cookie } : {}),
        ...options.headers,
      };
      const csrf = cookies.get('c2b_csrf');
      if (options.csrf !== false && csrf && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = csrf;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      for (const line of res.headers.getSetCookie()) {
        const [pair = '', ...attrs] = line.split(';');
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
        if (gone) cookies.delete(name);
        else cookies.set(name, value);
      }
      return res;
    },
    async json(method, path, options) {
      const res = await client.request(method, path, options);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : {}, res };
    },
    signIn(login, password = 'demo1234') {
      return client.request('POST', '/auth/sign-in', { body: { login, password } });
    },
  };
  return client;
}
