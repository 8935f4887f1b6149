import { credentialLibraries } from './credential-libraries.js';
import { CONTEXTS } from './jsonld.js';

/** 131,072 entries: the smallest list W3C Bitstring Status List allows, for herd privacy. */
export const STATUS_LIST_LENGTH = 131_072;

/** The unsigned BitstringStatusListCredential of an issuer, with the revoked places set. */
export async function buildStatusList(listUrl: string, issuerUrl: string, revoked: readonly number[], now: Date): Promise<Record<string, unknown>> {
  const { Bitstring } = await credentialLibraries();
  const bits = new Bitstring({ length: STATUS_LIST_LENGTH });
  for (const index of revoked) bits.set(index, true);
  return {
    '@context': [CONTEXTS.credentials],
    id: listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerUrl,
    validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      // Multibase base64url ('u') of the gzipped bits, as the specification writes it.
      encodedList: `u${await bits.encodeBits()}`,
    },
  };
}

/** Whether a place is set in a status list credential's encoded list. */
export async function isSetInList(statusList: Record<string, unknown>, index: number): Promise<boolean> {
  const subject = statusList.credentialSubject as { encodedList?: string } | undefined;
  const encoded = subject?.encodedList;
  if (typeof encoded !== 'string') throw new Error('The status list has no encodedList.');
  const { Bitstring } = await credentialLibraries();
  const bits = new Bitstring({ buffer: await Bitstring.decodeBits({ encoded: encoded.startsWith('u') ? encoded.slice(1) : encoded }) });
  return bits.get(index);
}
