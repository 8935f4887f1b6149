import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { IssuerProfile } from '../../api/schemas';

export const issuerKeys = {
  all: ['issuers'] as const,
};

/** The organizations that issue certificates: the program office and the academies it endorsed. */
export function useIssuers() {
  return useQuery({
    queryKey: issuerKeys.all,
    queryFn: ({ signal }) => api.get<{ items: IssuerProfile[] }>('/issuers', { signal }),
    select: (data) => data.items,
  });
}

export function useUpdateIssuer(issuer: Pick<IssuerProfile, 'organizationId' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.patch<IssuerProfile>(`/issuers/${issuer.organizationId}`, issuer.version, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: issuerKeys.all }),
  });
}

/** The mark's address on this server: the API names it at CADRE_PUBLIC_URL, which may not be where the page was opened. */
export function markSource(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** A file's bytes as base64, as the API takes a mark. */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
