import { z } from 'zod';
import { idSchema, instantSchema, lineSchema } from '../../platform/schemas.js';
import { meSchema } from './accounts.schemas.js';

const base64url = z.string().max(20_000).regex(/^[A-Za-z0-9_-]*$/, 'must be base64url');

/** A WebAuthn credential's answer, as @simplewebauthn/browser sends it (fields base64url). */
const credentialResponse = <Inner extends z.ZodType>(response: Inner) =>
  z.looseObject({
    id: base64url,
    rawId: base64url,
    type: z.literal('public-key'),
    response,
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  });

export const registrationResponseSchema = credentialResponse(
  z.looseObject({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
);

export const authenticationResponseSchema = credentialResponse(
  z.looseObject({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: base64url.optional(),
  }),
);

const codeSchema = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

export const secondFactorSchema = z
  .discriminatedUnion('method', [
    z.strictObject({ method: z.literal('totp'), code: codeSchema.describe('The six digits the authenticator app shows.') }),
    z.strictObject({ method: z.literal('recovery_code'), code: codeSchema.describe('One of the recovery codes, each usable once.') }),
    z.strictObject({ method: z.literal('passkey'), response: authenticationResponseSchema }),
  ])
  .meta({ id: 'SecondFactor' });
export type SecondFactorInput = z.infer<typeof secondFactorSchema>;

export const secondFactorMethodSchema = z.enum(['totp', 'passkey', 'recovery_code']);

export const pendingSignInSchema = z
  .object({
    secondFactorRequired: z.literal(true),
    methods: z.array(secondFactorMethodSchema).describe('What the account can answer with.'),
    passkeyOptions: z.unknown().describe('WebAuthn request options, when the account has passkeys.'),
    expiresAt: instantSchema,
  })
  .meta({ id: 'PendingSignIn' });

/** The password step's answer: signed in, or a second factor to give (POST /api/auth/login/second-factor). */
export const signInResultSchema = z.union([meSchema, pendingSignInSchema]);

export const passkeySchema = z
  .object({ id: idSchema, name: z.string(), createdAt: instantSchema, lastUsedAt: instantSchema.nullable() })
  .meta({ id: 'Passkey' });
export type PasskeyView = z.infer<typeof passkeySchema>;

export const accountSecuritySchema = z
  .object({
    isSecondFactorRequired: z.boolean().describe('Whether your role must sign in with a second factor.'),
    totp: z.object({ isEnrolled: z.boolean(), enrolledAt: instantSchema.nullable() }),
    passkeys: z.array(passkeySchema),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'AccountSecurity' });
export type AccountSecurity = z.infer<typeof accountSecuritySchema>;

export const totpEnrolmentSchema = z.object({
  secret: z.string().describe('The key, base32, for typing into the app by hand.'),
  uri: z.string().describe('The otpauth:// URI the QR code holds.'),
  qrCode: z.string().describe('The QR code, as a data: URL of an SVG image.'),
});

/** A code typed in: the authenticator app's, or a recovery code. */
export const confirmTotpSchema = z.strictObject({ code: codeSchema });

export const enrolledSchema = z.object({
  security: accountSecuritySchema,
  recoveryCodes: z.array(z.string()).nullable().describe('Shown once, with the first factor enrolled; null otherwise.'),
});

export const passkeyNameSchema = z.strictObject({ name: lineSchema(60) });
export const addPasskeySchema = passkeyNameSchema.extend({ response: registrationResponseSchema });

export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).describe('Shown once; the earlier codes stop working.') });

export const signInOptionsSchema = z
  .object({ identityProvider: z.object({ name: z.string(), startUrl: z.string() }).nullable() })
  .meta({ id: 'SignInOptions' });
