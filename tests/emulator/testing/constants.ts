/** Fixed identifiers and secrets of the fixture scenario (test values, not real credentials). */
export const FIXTURE = {
  tenantId: '8f0c3c51-2a4e-4f7b-9d0e-6a1b2c3d4e5f',
  domain: 'contoso.example',
  federatedDomain: 'fed.contoso.example',
  initialDomain: 'contosoexample.onmicrosoft.com',
  readerAppId: '11111111-2222-4333-8444-555555555555',
  readerSpId: 'a1a1a1a1-0000-4000-8000-000000000001',
  limitedAppId: '22222222-3333-4444-8555-666666666666',
  limitedSpId: 'a1a1a1a1-0000-4000-8000-000000000002',
  graphSpId: 'a1a1a1a1-0000-4000-8000-0000000000ff',
  provisioningSpId: 'a1a1a1a1-0000-4000-8000-000000000003',
  secret: 'Qx~8Q~reader-valid-secret-value-0001',
  expiredSecret: 'Zz~8Q~reader-expired-secret-value-02',
  limitedSecret: 'Lm~8Q~limited-secret-value-00000003',
  oktaToken: '00emulatorAdminApiToken000000000000000001',
  oktaRevokedToken: '00emulatorRevokedApiToken0000000000000002',
  oktaUserToken: '00emulatorNonAdminApiToken000000000000003',
  serviceClientId: '0oaservice0emulator01',
  now: '2026-06-01T12:00:00.000Z',
} as const

/** Graph application permissions (known ids from public configs; the rest are fixed test GUIDs). */
export const GRAPH_ROLES: Record<string, string> = {
  'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
  'Group.Read.All': '5b567255-7703-4780-807c-7be8301ae99b',
  'Directory.Read.All': '7ab1d382-f21e-4acd-a863-ba3e13f7da61',
  'Application.Read.All': '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30',
  'AuditLog.Read.All': 'b0afded3-3588-46d8-8b3d-9842eff778da',
  'Domain.Read.All': 'dbb9058a-0e50-45d7-ae91-66909b5d4664',
  'Organization.Read.All': '498476ce-e0fe-48b0-b801-37ba7e2685c6',
  'Synchronization.Read.All': '5ba43d2f-fa88-4db2-bd1c-a67c5f0fb1ce',
  'OnPremDirectorySynchronization.Read.All': 'bb70e231-92dc-4729-aff5-697b3f04be95',
  'DelegatedPermissionGrant.Read.All': '81b4724a-58aa-41c1-8a55-84ef97466587',
  'GroupMember.Read.All': '98830695-27a2-44f7-8c18-0c3ebc9698f6',
}
