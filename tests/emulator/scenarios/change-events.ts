/**
 * The System Log events Okta writes when a person changes: the AD import updating,
 * creating or deactivating the Okta user, and Okta provisioning following in the Office
 * 365 app (assignment added or removed, username changed, profile pushed). The sink
 * stamps `published` with its clock.
 * https://developer.okta.com/docs/reference/api/event-types/
 */
import type { OktaRecord } from './types'
import { type OktaActor, oktaAppTarget, oktaEventFrom, oktaUserActor } from './okta-events'
import type { Rng } from './random'

export type UserEventType =
  'user.lifecycle.create' | 'user.lifecycle.deactivate' | 'user.account.update_profile'

export type AppUserEventType =
  | 'application.user_membership.add'
  | 'application.user_membership.remove'
  | 'application.user_membership.change_username'
  | 'application.provision.user.push_profile'

const USER_MESSAGES: Record<UserEventType, string> = {
  'user.lifecycle.create': 'Create Okta user',
  'user.lifecycle.deactivate': 'Deactivate Okta user',
  'user.account.update_profile': 'Update user profile for Okta',
}

const APP_USER_MESSAGES: Record<AppUserEventType, string> = {
  'application.user_membership.add': 'Add user to application membership',
  'application.user_membership.remove': 'Remove user from application membership',
  'application.user_membership.change_username': 'Change user name in application',
  'application.provision.user.push_profile': 'Push user profile to app',
}

/** An event about an Okta user, written by the directory import (a JOB transaction). */
export function userEvent(rng: Rng, type: UserEventType, user: OktaRecord): OktaRecord {
  return oktaEventFrom(rng, {
    eventType: type,
    displayMessage: USER_MESSAGES[type],
    atMs: 0,
    result: 'SUCCESS',
    targets: [oktaUserActor(user)],
    transaction: 'JOB',
  })
}

/** An event about a user's account in an app: the user, the app instance and the app user. */
export function appUserEvent(
  rng: Rng,
  type: AppUserEventType,
  user: OktaRecord,
  app: OktaRecord,
  appUserName: string,
): OktaRecord {
  const person = oktaUserActor(user)
  const appUser: OktaActor = {
    id: person.id,
    type: 'AppUser',
    alternateId: appUserName,
    displayName: person.displayName,
  }
  return oktaEventFrom(rng, {
    eventType: type,
    displayMessage: APP_USER_MESSAGES[type],
    atMs: 0,
    result: 'SUCCESS',
    targets: [appUser, oktaAppTarget(app), person],
    transaction: 'JOB',
  })
}
