/** How an appeal reached the desk (DOMAIN.md §0 Channels, §7.2). */
export const CHANNELS = ['phone_12305', 'web', 'wechat', 'letter', 'fax', 'hotline_12345'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The appellant's relation to the item (DOMAIN.md §1.2). */
export const APPELLANT_ROLES = ['sender', 'recipient', 'agent'] as const;
export type AppellantRole = (typeof APPELLANT_ROLES)[number];

/** Service type: postal universal service business types (DOMAIN §2.1) or express. */
export const SERVICE_TYPES = [
  'express',
  'postal_parcel',
  'postal_letter',
  'postal_philately',
  'postal_other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export function isPostalService(type: ServiceType): boolean {
  return type !== 'express';
}

/** What the user asks for (诉求, DOMAIN §7.2). */
export const DEMANDS = ['compensation', 'redelivery', 'apology', 'explanation', 'other'] as const;
export type Demand = (typeof DEMANDS)[number];
