import { generateNonce, SIGNATURE_HEADERS, signRequest } from '../modules/partner/index.ts';

type Requester = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

export type PartnerKey = { id: string; secret: string; signingSecret: string };

export type SignOptions = {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Default: a new one. */
  nonce?: string;
  /** Sign with this secret instead of the key's (a forger's). */
  signingSecret?: string;
  /** Send these headers instead of the computed ones. */
  headers?: Record<string, string>;
  /** The raw body to send (default: JSON of `body`). */
  rawBody?: string;
};

/** What a system of record sends: the bearer key and a signed request, as scripts/partner-request.ts does. */
export function partnerRequest(
  app: Requester,
  key: PartnerKey,
  method: string,
  path: string,
  body?: unknown,
  options: SignOptions = {},
): { send: () => Promise<Response>; headers: Record<string, string>; body: string } {
  const text = options.rawBody ?? (body === undefined ? '' : JSON.stringify(body));
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const nonce = options.nonce ?? generateNonce();
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${key.secret}`,
    ...(text ? { 'content-type': 'application/json' } : {}),
    [SIGNATURE_HEADERS.timestamp]: String(timestamp),
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signRequest(options.signingSecret ?? key.signingSecret, {
      timestamp,
      nonce,
      method,
      path,
      body: text,
    }),
    ...options.headers,
  };
  return {
    headers,
    body: text,
    send: async () => app.request(path, { method, headers, ...(text ? { body: text } : {}) }),
  };
}

/** Sends one signed request and reads the JSON answer. */
export async function sendPartner<T = Record<string, unknown>>(
  app: Requester,
  key: PartnerKey,
  method: string,
  path: string,
  body?: unknown,
  options: SignOptions = {},
): Promise<{ status: number; body: T; res: Response }> {
  const res = await partnerRequest(app, key, method, path, body, options).send();
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, res };
}
