/** What both twins of demo-identity share. */
export const DEMO_IDENTITY_HEADER = 'x-demo-identity';

export interface DemoIdentity {
  id: string;
  label: string;
  role: string;
}
