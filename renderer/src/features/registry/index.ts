/** Sở Nội vụ's register of units and signers per year ('/registry'). */
export { RegistryPage } from './RegistryPage';
