import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';

/**
 * WebAuthn with Cadre as the relying party. Its id and origin come from the public URL: a
 * browser that reached Cadre by another name (127.0.0.1 for localhost) is refused by WebAuthn
 * itself, and an assertion made for another origin is refused here.
 */
export interface PasskeyParty {
  rpId: string;
  origin: string;
}

export function passkeyParty(publicUrl: string): PasskeyParty {
  const url = new URL(publicUrl);
  return { rpId: url.hostname, origin: url.origin };
}

export interface StoredPasskey {
  credential_id: string;
  public_key: string;
  counter: number;
  transports: string;
}

/** The WebAuthn library, loaded with the first passkey asked for, not with the server. */
const webauthn = () => import('@simplewebauthn/server');

const transportsOf = (stored: StoredPasskey) => (stored.transports ? (stored.transports.split(',') as AuthenticatorTransportFuture[]) : []);

export function createPasskeys(party: PasskeyParty) {
  return {
    async registrationOptions(user: { id: string; email: string; name: string }, existing: readonly StoredPasskey[]) {
      return (await webauthn()).generateRegistrationOptions({
        rpName: 'Cadre',
        rpID: party.rpId,
        userName: user.email,
        userDisplayName: user.name,
        userID: new TextEncoder().encode(user.id),
        attestationType: 'none',
        excludeCredentials: existing.map((passkey) => ({ id: passkey.credential_id, transports: transportsOf(passkey) })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
    },

    /** The new credential, or null when the response does not answer the challenge for this origin. */
    async verifyRegistration(response: RegistrationResponseJSON, expectedChallenge: string) {
      const result = await (await webauthn()).verifyRegistrationResponse({
        response,
        expectedChallenge,
        expectedOrigin: party.origin,
        expectedRPID: party.rpId,
        requireUserVerification: false,
      }).catch(() => null);
      if (!result?.verified) return null;
      const { credential } = result.registrationInfo;
      return {
        credential_id: credential.id,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: (credential.transports ?? []).join(','),
      };
    },

    async authenticationOptions(existing: readonly StoredPasskey[]) {
      return (await webauthn()).generateAuthenticationOptions({
        rpID: party.rpId,
        allowCredentials: existing.map((passkey) => ({ id: passkey.credential_id, transports: transportsOf(passkey) })),
        userVerification: 'preferred',
      });
    },

    /** The authenticator's new signature counter, or null when the assertion does not verify. */
    async verifyAuthentication(response: AuthenticationResponseJSON, expectedChallenge: string, stored: StoredPasskey): Promise<number | null> {
      const result = await (await webauthn()).verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: party.origin,
        expectedRPID: party.rpId,
        credential: {
          id: stored.credential_id,
          publicKey: new Uint8Array(Buffer.from(stored.public_key, 'base64url')),
          counter: stored.counter,
          transports: transportsOf(stored),
        },
        requireUserVerification: false,
      }).catch(() => null);
      return result?.verified ? result.authenticationInfo.newCounter : null;
    },
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;
export type { AuthenticationResponseJSON, RegistrationResponseJSON };
