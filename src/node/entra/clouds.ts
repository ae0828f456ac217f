/**
 * National clouds: login (authority) host and Graph host per cloud.
 * https://learn.microsoft.com/graph/deployments
 */
import type { Cloud } from '../../shared/model/snapshot'

/** Hosts of one national cloud. */
export interface CloudEndpoints {
  authorityHost: string
  graphBaseUrl: string
  /** the Graph resource for the client-credentials scope `${graphResource}/.default` */
  graphResource: string
}

/** Login and Graph hosts per cloud. */
export const CLOUD_ENDPOINTS: Record<Cloud, CloudEndpoints> = {
  global: {
    authorityHost: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com',
    graphResource: 'https://graph.microsoft.com',
  },
  usgov: {
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://graph.microsoft.us',
    graphResource: 'https://graph.microsoft.us',
  },
  china: {
    authorityHost: 'https://login.chinacloudapi.cn',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
  },
}

/** The endpoints a profile resolves to: custom hosts win over the cloud's defaults. */
export function resolveEntraEndpoints(profile: {
  cloud: Cloud
  tenantId: string
  authorityHost?: string
  graphBaseUrl?: string
}): {
  authority: string
  authorityHost: string
  graphRoot: string
  scope: string
  custom: boolean
} {
  const cloud = CLOUD_ENDPOINTS[profile.cloud]
  const authorityHost = (profile.authorityHost ?? cloud.authorityHost).replace(/\/+$/, '')
  const graphBase = (profile.graphBaseUrl ?? cloud.graphBaseUrl).replace(/\/+$/, '')
  return {
    authority: `${authorityHost}/${profile.tenantId}`,
    authorityHost,
    graphRoot: `${graphBase}/v1.0`,
    scope: `${cloud.graphResource}/.default`,
    custom: authorityHost !== cloud.authorityHost,
  }
}
