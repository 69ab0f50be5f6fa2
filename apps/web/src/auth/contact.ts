/** One field takes a phone number or an e-mail address, as sign-in does. */
export function contactFields(contact: string): { email: string } | { phone: string } {
  const value = contact.trim();
  return value.includes('@') ? { email: value } : { phone: value.replace(/[\s()-]/g, '') };
}
