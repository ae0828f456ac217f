/**
 * A provisioning job's synchronization schema as `GET /servicePrincipals/{id}/synchronization/
 * jobs/{jobId}/schema` answers it (synchronization-synchronizationschema-get): the rules of
 * the job's template with their object and attribute mappings, shaped after the Graph v1.0
 * `synchronizationSchema`, `synchronizationRule`, `objectMapping` and `attributeMapping`
 * types. Each job gets its template's default mappings the first time it is read; writes
 * replace them.
 */
import type * as MG from '@microsoft/microsoft-graph-types'

type Source = MG.AttributeMappingSource
const attribute = (name: string): Source => ({
  expression: `[${name}]`,
  name,
  parameters: [],
  type: 'Attribute',
})

/** A function source, as the admin center writes one: the expression with its top-level name. */
export function functionSource(expression: string): Source {
  return {
    expression,
    name: /^([A-Za-z]+)\(/.exec(expression)?.[1] ?? expression,
    parameters: [],
    type: 'Function',
  }
}

function mapping(source: Source, target: string, matchingPriority = 0): MG.AttributeMapping {
  return {
    defaultValue: null,
    exportMissingReferences: false,
    flowBehavior: 'FlowWhenChanged',
    flowType: 'Always',
    matchingPriority,
    source,
    targetAttributeName: target,
  }
}

/** The user mappings a gallery template starts with, by template id (Salesforce's by default). */
function templateMappings(templateId: string): MG.AttributeMapping[] {
  if (templateId.toLowerCase() === 'okta')
    return [
      mapping(attribute('userPrincipalName'), 'userName', 1),
      mapping(functionSource('Not([IsSoftDeleted])'), 'active'),
      mapping(attribute('givenName'), 'name.givenName'),
      mapping(attribute('surname'), 'name.familyName'),
      mapping(attribute('mail'), 'emails[type eq "work"].value'),
      mapping(attribute('objectId'), 'externalId'),
    ]
  return [
    mapping(attribute('userPrincipalName'), 'Username', 1),
    mapping(attribute('mail'), 'Email'),
    mapping(attribute('givenName'), 'FirstName'),
    mapping(attribute('surname'), 'LastName'),
    mapping(
      functionSource('Switch([IsSoftDeleted], , "False", "True", "True", "False")'),
      'IsActive',
    ),
    mapping(functionSource('Left([mailNickname], 8)'), 'Alias'),
  ]
}

/** The default schema of a job: one user rule from Entra to the template's directory. */
export function defaultSynchronizationSchema(job: MG.SynchronizationJob): MG.SynchronizationSchema {
  const templateId = job.templateId ?? 'custom'
  const target = templateId === 'salesforce' ? 'salesforce.com' : templateId
  return {
    id: job.id ?? '',
    version: 'Date:2024-03-11T08:10:12Z;Version:1',
    synchronizationRules: [
      {
        containerFilter: null,
        editable: true,
        groupFilter: null,
        id: `${templateId}.User`,
        metadata: [],
        name: `USER_TO_${target.toUpperCase()}_USER`,
        objectMappings: [
          {
            attributeMappings: templateMappings(templateId),
            enabled: true,
            // a flags enum: Graph writes the members comma-separated
            flowTypes: 'Add,Update,Delete' as MG.ObjectFlowTypes,
            metadata: [],
            name: 'Provision Microsoft Entra ID Users',
            scope: null,
            sourceObjectName: 'User',
            targetObjectName: 'User',
          },
        ],
        priority: 1,
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: target,
      },
    ],
  }
}

/** The job's schema: the stored one, or its template's default, stored on first read. */
export function synchronizationSchema(
  tenant: { synchronizationSchemas?: Record<string, MG.SynchronizationSchema> },
  job: MG.SynchronizationJob,
): MG.SynchronizationSchema {
  const schemas = (tenant.synchronizationSchemas ??= {})
  return (schemas[job.id ?? ''] ??= defaultSynchronizationSchema(job))
}
