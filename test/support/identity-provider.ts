import { generateKeyPairSync } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface IdentityAccount {
  email: string;
  isEmailVerified: boolean;
}

/** How the person signs in at the provider this time, as its ID token will say. */
export interface ProviderLogin {
  email: string;
  amr?: string[];
  acr?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on an ephemeral loopback port, with one client
 * that authenticates with private_key_jwt. Its login and consent steps are two small endpoints
 * a test drives with fetch, as a person would submit the provider's forms.
 */
export async function startIdentityProvider(options: { clientId: string; redirectUri: string; clientJwks: { keys: object[] }; accounts: IdentityAccount[] }) {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const accounts = new Map(options.accounts.map((account) => [account.email, account]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: options.clientJwks,
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'provider-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['identity-provider-test-cookie-key'] },
    // acr and amr in every ID token, as Login.gov sends acr.
    claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
    acrValues: ['urn:example:aal1', 'http://idmanagement.gov/ns/assurance/aal/2'],
    pkce: { required: () => true, methods: ['S256'] },
    features: { devInteractions: { enabled: false } },
    // Lifetimes of its own, so the provider does not warn of its defaults in every run.
    ttl: { AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600, Grant: 3600, Session: 3600, Interaction: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: account.isEmailVerified }) };
    },
  });
  const handle = provider.callback();

  server.on('request', (request, response) => {
    const match = /^\/interaction\/([^/]+)(?:\/(login|consent))?$/.exec(request.url ?? '');
    if (!match) return handle(request, response);
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      // The page the provider would show: here, only which step it is.
      if (request.method === 'GET') return response.end(JSON.stringify({ prompt: details.prompt.name }));
      if (match[2] === 'login') {
        const login = JSON.parse(await bodyOf(request)) as ProviderLogin;
        return provider.interactionFinished(request, response, { login: { accountId: login.email, amr: login.amr, acr: login.acr } }, { mergeWithLastSubmission: false });
      }
      const grant = new provider.Grant({ accountId: details.session?.accountId ?? '', clientId: details.params.client_id });
      grant.addOIDCScope('openid email');
      return provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });

  return {
    issuer,
    /**
     * Follows the browser from the authorization URL through login and consent, and returns
     * where the provider finally sends it: Cadre's callback, with the code.
     */
    async signIn(authorizationUrl: string, login: ProviderLogin): Promise<URL> {
      const jar = new Map<string, string>();
      let url = authorizationUrl;
      for (let hop = 0; hop < 12; hop += 1) {
        if (url.startsWith(options.redirectUri)) return new URL(url);
        const interaction = /\/interaction\/([^/?]+)$/.exec(new URL(url).pathname);
        let response = await send(url, jar);
        if (interaction) {
          const { prompt } = (await response.json()) as { prompt: 'login' | 'consent' };
          response = await send(`${issuer}/interaction/${interaction[1]}/${prompt}`, jar, JSON.stringify(login));
        }
        const location = response.headers.get('location');
        if (!location) throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error('too many redirects at the provider');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function send(url: string, jar: Map<string, string>, body?: string) {
  const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    redirect: 'manual',
    headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body }),
  });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
  return response;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}
