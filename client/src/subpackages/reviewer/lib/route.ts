import { useRouter } from '@tarojs/taro';

/**
 * A query parameter of a reviewer page, decoded: the pages are opened with `encodeURIComponent` values (org names
 * in Chinese) and H5's router hands them over still encoded. A value that is not valid percent-encoding is kept.
 */
export function routeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** One applicant's page of a reviewer (评分, 记录验收), opened for an application of the ranking. */
export function applicationPageUrl(
  page: 'score' | 'acceptance',
  a: { applicationId: string; orgName: string },
): string {
  return `/subpackages/reviewer/pages/${page}/index?id=${encodeURIComponent(a.applicationId)}&org=${encodeURIComponent(a.orgName)}`;
}

/** The application a page of `applicationPageUrl` is about: its id and the applicant's name (the page's title). */
export function useApplicationParams(): { id: string; org: string } {
  const { params } = useRouter();
  return { id: routeParam(params.id), org: routeParam(params.org) };
}
