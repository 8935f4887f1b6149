import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { CertificateSummary, Verification } from '../../api/schemas';
import { PUBLIC_QUERY_KEY } from '../../app/publicPages';

export const publicKeys = {
  certificate: (id: string) => [PUBLIC_QUERY_KEY, 'certificates', id] as const,
};

/** The languages the API prints a certificate in (`GET /api/public/credentials/:id/pdf?lang=`). */
export const CERTIFICATE_LANGUAGES = ['en', 'es', 'pt', 'fr'] as const;
export type CertificateLanguage = (typeof CERTIFICATE_LANGUAGES)[number];

/**
 * Where a certificate's files are downloaded. Built on this origin's `/api` rather than taken
 * from the API's absolute links, which name the public address: behind another host name (or
 * on a laptop) a link there would leave the page's origin and the browser would not download it.
 */
export function credentialFiles(certificationId: string) {
  const base = `/public/credentials/${certificationId}`;
  return {
    json: apiUrl(base),
    jwt: apiUrl(`${base}/jwt`),
    // Without a language the certificate is printed in its course's language, where Cadre prints it.
    pdf: (lang?: CertificateLanguage) => apiUrl(`${base}/pdf`, { lang }),
  };
}

/** What a certificate says and whether it stands today; anyone may ask. */
export function useCertificateSummary(id: string) {
  return useQuery({
    queryKey: publicKeys.certificate(id),
    queryFn: ({ signal }) => api.get<CertificateSummary>(`/public/certificates/${id}`, { signal, isPublic: true }),
    // Its standing can change at any moment (a revocation): ask again whenever the page is opened.
    staleTime: 0,
  });
}

/** Checks a credential (or the one a certificate PDF carries): signature, dates, revocation and review; the API trusts nothing in it. */
export function useVerifyCredential() {
  return useMutation({
    // `source` names what was checked (a file's name, or the pasted text) for the result to say.
    mutationFn: ({ body }: { body: { credential: string } | { pdf: string }; source: string }) =>
      api.post<Verification>('/public/verifications', body, { isPublic: true }),
  });
}
